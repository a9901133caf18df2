using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Realtime;

/// <summary>What an external client receives.</summary>
public interface ICrmClient
{
    Task BoardEvent(BoardEvent boardEvent);
}

/// <summary>
/// Board events for external clients at /hubs/boards. A connection joins the groups its user may
/// see (ARCHITECTURE.md §3); the relay sends each event to the groups it belongs to. Keeps no static state.
/// </summary>
[Authorize]
public sealed partial class BoardHub(CurrentUser currentUser, OpportunityCommands opportunities) : Hub<ICrmClient>
{
    public const string Path = "/hubs/boards";

    public static readonly IReadOnlyList<string> KnownBoards = [Boards.Opportunities, Boards.WorkOrders, Boards.Approvals];

    public async Task JoinBoard(string board)
    {
        var scope = RequireBoard(board);
        foreach (var group in BoardGroups.ForViewer(scope, board))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }

    public async Task LeaveBoard(string board)
    {
        var scope = RequireBoard(board);
        foreach (var group in BoardGroups.ForViewer(scope, board))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        }
    }

    /// <summary>
    /// Moves an opportunity through the same command path as the board (rules, version check,
    /// outbox, sequence). The outcome says whether it moved, and if not, why.
    /// </summary>
    public async Task<HubMoveResult> MoveOpportunity(Guid opportunityId, OpportunityStage target, long expectedVersion)
    {
        currentUser.RequireScope();
        var outcome = await opportunities.MoveAsync(opportunityId, target, expectedVersion, completion: null);
        return outcome switch
        {
            { Moved: { } card } => new HubMoveResult(true, null, null, card.Version, card.Stage),
            { Missing.Count: > 0 } => new HubMoveResult(false, "opportunity.stage-requirements-missing", string.Join(", ", outcome.Missing), null, null),
            { Conflict: { } conflict } => new HubMoveResult(false, "opportunity.changed-meanwhile", $"{conflict.ActorName} changed it at {conflict.At:O}", outcome.Current?.Version, outcome.Current?.Stage),
            _ => new HubMoveResult(false, outcome.Refusal?.Code, outcome.Refusal?.Message, outcome.Current?.Version, outcome.Current?.Stage),
        };
    }

    private UserScope RequireBoard(string board)
    {
        if (!KnownBoards.Contains(board, StringComparer.Ordinal))
        {
            throw new HubException($"Unknown board '{board}'.");
        }

        return currentUser.RequireScope();
    }
}

public sealed record HubMoveResult(bool Moved, string? Code, string? Message, long? Version, OpportunityStage? Stage);

/// <summary>SignalR group names: one per board for those who see everything, per shop for managers, per owner for everyone else.</summary>
public static class BoardGroups
{
    public static IReadOnlyList<string> ForViewer(UserScope scope, string board)
    {
        var prefix = Prefix(scope.TenantId.Value, board);
        if (scope.IsHeadOffice || scope.IsAdmin)
        {
            return [prefix + "all"];
        }

        // Dispatchers see every work order of their shops, as managers do (WorkOrderAccess.CanSee).
        if (scope.IsInRole(Roles.Manager) || (board == Boards.WorkOrders && Crm.Domain.Service.WorkOrderAccess.CanDispatch(scope)))
        {
            return scope.ShopIds.Select(s => $"{prefix}shop:{s.Value:N}").ToList();
        }

        return [$"{prefix}user:{scope.UserId.Value:N}"];
    }

    public static IReadOnlyList<string> ForEvent(BoardEvent e)
    {
        var prefix = Prefix(e.TenantId, e.Board);
        var groups = new List<string> { prefix + "all" };
        if (e.ShopId is { } shop)
        {
            groups.Add($"{prefix}shop:{shop:N}");
        }

        if (e.OwnerId is { } owner)
        {
            groups.Add($"{prefix}user:{owner:N}");
        }

        return groups;
    }

    private static string Prefix(Guid tenantId, string board) => $"t:{tenantId:N}:b:{board}:";
}

/// <summary>Each hub invocation runs in its own scope: give it the connection's user.</summary>
internal sealed class CurrentUserHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<CurrentUser>().Set(invocationContext.Context.User ?? new());
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.ServiceProvider.GetRequiredService<CurrentUser>().Set(context.Context.User ?? new());
        return next(context);
    }
}

/// <summary>
/// Forwards sequenced board events from the feed to the hub groups allowed to see them. With several
/// instances every instance receives every event, but relays only those it published: the SignalR
/// Redis backplane delivers a group send to the group's connections on every instance, so each
/// external client gets each event exactly once (<see cref="IBoardFeed.SubscribeRelay"/>).
/// </summary>
internal sealed class BoardHubRelay(IBoardFeed feed, IHubContext<BoardHub, ICrmClient> hub, ILogger<BoardHubRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = feed.SubscribeRelay();
            try
            {
                await foreach (var boardEvent in subscription.Reader.ReadAllAsync(stoppingToken))
                {
                    if (boardEvent.IsSequenced)
                    {
                        await hub.Clients.Groups(BoardGroups.ForEvent(boardEvent)).BoardEvent(boardEvent);
                    }
                }
            }
            catch (BoardFeedOverflowException)
            {
                logger.LogWarning("The hub relay fell behind; external clients will see a sequence gap and reload.");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
