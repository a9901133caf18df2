using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Kanban;

/// <summary>
/// The board every area shares: columns with header figures, cards, drag and drop. It injects
/// nothing; the feature supplies columns, cards and what a move means, and raises its intent.
/// Columns and cards are components of their own that render only when what they show changed
/// (a card by its item and <see cref="CardStamp"/>, a column by its figures and its cards), so a
/// live move re-renders the moved card and the two columns it left and entered, not the board.
/// </summary>
public partial class KanbanBoard<TItem>
    where TItem : notnull
{
    private static readonly IReadOnlyList<TItem> NoCards = [];

    private readonly Dictionary<object, TItem> _held = [];
    private KanbanHold<TItem>? _hold;
    private Dictionary<string, List<TItem>> _byColumn = [];
    private TItem? _dragging;
    private string? _dragFrom;

    [Parameter, EditorRequired]
    public required string Name { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<KanbanColumn> Columns { get; set; }

    [Parameter, EditorRequired]
    public required IEnumerable<TItem> Items { get; set; }

    [Parameter, EditorRequired]
    public required Func<TItem, string> ColumnOf { get; set; }

    [Parameter, EditorRequired]
    public required RenderFragment<TItem> CardTemplate { get; set; }

    /// <summary>A card's identity across versions (its id): keeps the card's component when the item is replaced by a newer copy.</summary>
    [Parameter]
    public Func<TItem, object>? CardKey { get; set; }

    /// <summary>
    /// What the card template shows beyond the item itself (pending, who edits it, days counted from now…):
    /// a card re-renders only when its item or this value changes (by value equality).
    /// </summary>
    [Parameter]
    public Func<TItem, object?>? CardStamp { get; set; }

    [Parameter]
    public Func<TItem, bool>? IsDisabled { get; set; }

    [Parameter]
    public EventCallback<KanbanMove<TItem>> OnMove { get; set; }

    [Parameter]
    public EventCallback<string> OnToggleFold { get; set; }

    /// <summary>"Show more" under a column with hidden cards: the feature pages in more. Without it the column only says how many are hidden.</summary>
    [Parameter]
    public EventCallback<string> OnShowMore { get; set; }

    /// <summary>A drag started: presence tells others who is moving which card.</summary>
    [Parameter]
    public EventCallback<TItem> OnPick { get; set; }

    [Parameter]
    public Func<int, string> MoreText { get; set; } = n => $"+{n}";

    protected override void OnInitialized() => _hold = new KanbanHold<TItem>(SetHeld);

    protected override void OnParametersSet() => SortIntoColumns();

    private void SetHeld(TItem item, bool held)
    {
        var key = KeyOfCard(item);
        if (held)
        {
            _held[key] = item;
        }
        else if (_held.Remove(key))
        {
            SortIntoColumns();
            StateHasChanged();
        }
    }

    /// <summary>The items, with every held card shown as it was held, in its place (or last if it left the items).</summary>
    private IEnumerable<TItem> Shown()
    {
        if (_held.Count == 0)
        {
            return Items;
        }

        var seen = new HashSet<object>();
        var shown = new List<TItem>();
        foreach (var item in Items)
        {
            var key = KeyOfCard(item);
            shown.Add(_held.TryGetValue(key, out var held) && seen.Add(key) ? held : item);
        }

        shown.AddRange(_held.Where(h => !seen.Contains(h.Key)).Select(h => h.Value));
        return shown;
    }

    private void SortIntoColumns()
    {
        var byColumn = new Dictionary<string, List<TItem>>(Columns.Count);
        foreach (var item in Shown())
        {
            var column = ColumnOf(item);
            if (!byColumn.TryGetValue(column, out var cards))
            {
                byColumn[column] = cards = [];
            }

            cards.Add(item);
        }

        _byColumn = byColumn;
    }

    private IReadOnlyList<TItem> CardsOf(string column) => _byColumn.TryGetValue(column, out var cards) ? cards : NoCards;

    private object KeyOfCard(TItem item) => CardKey?.Invoke(item) ?? item;

    private Task OnDragStartedAsync(TItem item)
    {
        _dragging = item;
        _dragFrom = ColumnOf(item);
        return OnPick.InvokeAsync(item);
    }

    private void OnDragEnded()
    {
        _dragging = default;
        _dragFrom = null;
    }

    private Task OnDroppedAsync(string column)
    {
        var dragged = _dragging;
        OnDragEnded();
        if (dragged is null)
        {
            return Task.CompletedTask;
        }

        // The card as it is now: a live event may have replaced the copy the drag started with.
        var key = KeyOfCard(dragged);
        var item = _byColumn.Values.SelectMany(c => c).FirstOrDefault(c => Equals(KeyOfCard(c), key)) ?? dragged;

        var from = ColumnOf(item);
        return from == column ? Task.CompletedTask : OnMove.InvokeAsync(new KanbanMove<TItem>(item, from, column));
    }
}
