using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Components.Kanban;

/// <summary>
/// The board every area shares: columns with header figures, cards, drag and drop. It injects
/// nothing; the feature supplies columns, cards and what a move means, and raises its intent.
/// </summary>
public partial class KanbanBoard<TItem>
    where TItem : notnull
{
    private MudDropContainer<TItem>? _container;
    private IEnumerable<TItem>? _renderedItems;

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

    [Parameter]
    public Func<TItem, bool>? IsDisabled { get; set; }

    [Parameter]
    public EventCallback<KanbanMove<TItem>> OnMove { get; set; }

    [Parameter]
    public EventCallback<string> OnToggleFold { get; set; }

    /// <summary>A drag started: presence tells others who is moving which card.</summary>
    [Parameter]
    public EventCallback<TItem> OnPick { get; set; }

    [Parameter]
    public Func<int, string> MoreText { get; set; } = n => $"+{n}";

    /// <summary>Puts every card back where <see cref="ColumnOf"/> says, e.g. after a drop the feature did not take.</summary>
    public void Refresh() => _container?.Refresh();

    protected override void OnAfterRender(bool firstRender)
    {
        // MudDropContainer does not redraw its items when the data changes from outside (a live event).
        if (!firstRender && !ReferenceEquals(_renderedItems, Items))
        {
            _renderedItems = Items;
            _container?.Refresh();
        }
        else if (firstRender)
        {
            _renderedItems = Items;
        }
    }

    private Task OnPicked(MudDragAndDropItemTransaction<TItem> transaction) =>
        transaction.Item is null ? Task.CompletedTask : OnPick.InvokeAsync(transaction.Item);

    private Task OnDropped(MudItemDropInfo<TItem> drop)
    {
        if (drop.Item is null)
        {
            return Task.CompletedTask;
        }

        var from = ColumnOf(drop.Item);
        return from == drop.DropzoneIdentifier
            ? Task.CompletedTask
            : OnMove.InvokeAsync(new KanbanMove<TItem>(drop.Item, from, drop.DropzoneIdentifier));
    }
}
