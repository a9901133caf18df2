using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Kanban;

/// <summary>
/// One column of a <see cref="KanbanBoard{TItem}"/>: its header, its keyed cards, the drop zone.
/// It renders again only when its figures, its cards (by key and stamp) or the drag state changed.
/// </summary>
public partial class KanbanLane<TItem>
    where TItem : notnull
{
    private KanbanColumn? _renderedColumn;
    private object?[] _renderedCards = [];
    private bool _renderedCanDrop;
    private object? _renderedDragging;

    [Parameter, EditorRequired]
    public required KanbanColumn Column { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<TItem> Cards { get; set; }

    [Parameter, EditorRequired]
    public required Func<TItem, object> CardKey { get; set; }

    [Parameter]
    public Func<TItem, object?>? CardStamp { get; set; }

    [Parameter, EditorRequired]
    public required RenderFragment<TItem> CardTemplate { get; set; }

    [Parameter]
    public Func<TItem, bool>? IsDisabled { get; set; }

    /// <summary>The card being dragged anywhere on the board, if any.</summary>
    [Parameter]
    public TItem? Dragging { get; set; }

    /// <summary>A card from another column is being dragged: this zone shows it can take it.</summary>
    [Parameter]
    public bool CanDrop { get; set; }

    [Parameter]
    public Func<int, string> MoreText { get; set; } = n => $"+{n}";

    [Parameter]
    public EventCallback<TItem> OnDragStart { get; set; }

    [Parameter]
    public EventCallback OnDragEnd { get; set; }

    [Parameter]
    public EventCallback<string> OnDrop { get; set; }

    [Parameter]
    public EventCallback<string> OnToggleFold { get; set; }

    [Parameter]
    public EventCallback<string> OnShowMore { get; set; }

    protected override void OnInitialized()
    {
        _renderedColumn = Column;
        _renderedCanDrop = CanDrop;
        _renderedDragging = DraggedKeyHere();
        _renderedCards = Signature();
    }

    protected override bool ShouldRender()
    {
        var cards = Signature();
        var dragging = DraggedKeyHere();
        if (Equals(_renderedColumn, Column) && _renderedCanDrop == CanDrop && Equals(_renderedDragging, dragging) && cards.SequenceEqual(_renderedCards))
        {
            return false;
        }

        _renderedColumn = Column;
        _renderedCanDrop = CanDrop;
        _renderedDragging = dragging;
        _renderedCards = cards;
        return true;
    }

    /// <summary>What the column shows of its cards: their keys in order, their items and stamps.</summary>
    private object?[] Signature()
    {
        var signature = new object?[Cards.Count];
        for (var i = 0; i < Cards.Count; i++)
        {
            var card = Cards[i];
            signature[i] = (CardKey(card), card, CardStamp?.Invoke(card), IsDisabled?.Invoke(card) ?? false);
        }

        return signature;
    }

    private object? DraggedKeyHere() =>
        Dragging is { } dragged && Cards.Any(c => Equals(CardKey(c), CardKey(dragged))) ? CardKey(dragged) : null;

    private bool IsDragged(TItem card) => Dragging is { } dragged && Equals(CardKey(card), CardKey(dragged));
}
