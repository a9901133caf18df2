namespace Crm.Web.Components.Kanban;

/// <summary>
/// One column as the board shows it: header figures are computed by the feature, not here.
/// <paramref name="TestId"/> names the column for tests when it is not <c>column-{Key}</c> (a technician's lane is <c>tech-{userName}</c>).
/// </summary>
public sealed record KanbanColumn(
    string Key, string Title, int Count, string? SumText, string? SubText, bool Foldable, bool Folded, int HiddenCount = 0, string? TestId = null, bool Warn = false)
{
    public string Hook => TestId ?? $"column-{Key}";
}

/// <summary>A card the user asked to move, by drag and drop or from the card menu.</summary>
public sealed record KanbanMove<TItem>(TItem Item, string FromColumn, string ToColumn)
    where TItem : notnull;
