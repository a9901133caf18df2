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

/// <summary>
/// Cascaded by <see cref="KanbanBoard{TItem}"/> to its card templates. A card whose menu (or other open element) is open
/// calls <see cref="Set"/> with the item it shows: until it is released the board keeps showing that copy in its place,
/// even if a live change moves the card to another column — otherwise the card, and its open menu, would be rebuilt
/// there and the user's choice lost without a word. Chosen, the action goes out with the version the user saw.
/// </summary>
public sealed class KanbanHold<TItem>(Action<TItem, bool> set)
    where TItem : notnull
{
    public void Set(TItem item, bool held) => set(item, held);
}
