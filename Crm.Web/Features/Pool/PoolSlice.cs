using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Pool;

[FeatureState]
public sealed record PoolState
{
    public PoolView? View { get; init; }

    public bool IsLoading { get; init; }

    /// <summary>A claim, release, lock or assignment is being saved.</summary>
    public bool IsBusy { get; init; }

    /// <summary>The region tab: null for every region.</summary>
    public Guid? Region { get; init; }

    public string Text { get; init; } = string.Empty;

    public PoolNotice? Notice { get; init; }
}

/// <summary>A message for the user (a snackbar); <paramref name="Id"/> grows so that the same text twice still shows twice.</summary>
public sealed record PoolNotice(string Message, bool IsError, int Id);

public sealed record LoadPoolAction;

public sealed record LoadPoolSucceededAction(PoolView View);

public sealed record SetPoolFilterAction(Guid? Region, string Text);

public sealed record ClaimCustomerAction(Guid CustomerId, string Reason);

public sealed record ReleaseCustomerAction(Guid CustomerId, long Version, string Reason);

public sealed record LockCustomerAction(Guid CustomerId, long Version, bool Locked);

public sealed record AssignCustomersAction(ImmutableList<Guid> CustomerIds, ImmutableList<Guid> RepIds);

public sealed record PoolActionSucceededAction(string Message, PoolView View);

public sealed record PoolActionFailedAction(string Reason, PoolView? View);

public sealed record PoolNoticeShownAction(int Id);

public static class PoolReducers
{
    [ReducerMethod]
    public static PoolState OnLoadPool(PoolState state, LoadPoolAction action) => state with { IsLoading = true };

    [ReducerMethod]
    public static PoolState OnLoadPoolSucceeded(PoolState state, LoadPoolSucceededAction action) =>
        state with { View = action.View, IsLoading = false };

    [ReducerMethod]
    public static PoolState OnSetPoolFilter(PoolState state, SetPoolFilterAction action) =>
        state with { Region = action.Region, Text = action.Text.Trim() };

    [ReducerMethod]
    public static PoolState OnClaimCustomer(PoolState state, ClaimCustomerAction action) => Busy(state);

    [ReducerMethod]
    public static PoolState OnReleaseCustomer(PoolState state, ReleaseCustomerAction action) => Busy(state);

    [ReducerMethod]
    public static PoolState OnLockCustomer(PoolState state, LockCustomerAction action) => Busy(state);

    [ReducerMethod]
    public static PoolState OnAssignCustomers(PoolState state, AssignCustomersAction action) => Busy(state);

    [ReducerMethod]
    public static PoolState OnPoolActionSucceeded(PoolState state, PoolActionSucceededAction action) =>
        state with { IsBusy = false, View = action.View, Notice = Next(state, action.Message, isError: false) };

    [ReducerMethod]
    public static PoolState OnPoolActionFailed(PoolState state, PoolActionFailedAction action) =>
        state with { IsBusy = false, View = action.View ?? state.View, Notice = Next(state, action.Reason, isError: true) };

    [ReducerMethod]
    public static PoolState OnPoolNoticeShown(PoolState state, PoolNoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static PoolState OnEffectFailed(PoolState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadPoolAction => state with { IsLoading = false },
            ClaimCustomerAction or ReleaseCustomerAction or LockCustomerAction or AssignCustomersAction => state with { IsBusy = false },
            _ => state,
        };

    private static PoolState Busy(PoolState state) => state with { IsBusy = true };

    private static PoolNotice Next(PoolState state, string message, bool isError) => new(message, isError, (state.Notice?.Id ?? 0) + 1);
}

public sealed class PoolEffects(PoolCommands commands, RuleMessages rules, IStringLocalizer<SharedResource> localizer)
{
    [EffectMethod]
    public async Task HandleLoad(LoadPoolAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadPoolSucceededAction(await commands.LoadAsync()));

    [EffectMethod]
    public Task HandleClaim(ClaimCustomerAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, async () => _ = await commands.ClaimAsync(action.CustomerId, action.Reason), localizer["Pool.Claimed"]);

    [EffectMethod]
    public Task HandleRelease(ReleaseCustomerAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, () => commands.ReleaseAsync(action.CustomerId, action.Version, action.Reason), localizer["Pool.Released"]);

    [EffectMethod]
    public Task HandleLock(LockCustomerAction action, IDispatcher dispatcher) =>
        RunAsync(
            dispatcher,
            () => action.Locked ? commands.LockAsync(action.CustomerId, action.Version) : commands.UnlockAsync(action.CustomerId, action.Version),
            localizer[action.Locked ? "Pool.LockedDone" : "Pool.UnlockedDone"]);

    [EffectMethod]
    public Task HandleAssign(AssignCustomersAction action, IDispatcher dispatcher) =>
        RunAsync(
            dispatcher,
            async () => _ = await commands.AssignAsync(action.CustomerIds, action.RepIds, Random.Shared.Next()),
            localizer["Pool.Assigned", action.CustomerIds.Count, action.RepIds.Count]);

    private async Task RunAsync(IDispatcher dispatcher, Func<Task> command, string done)
    {
        try
        {
            await command();
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new PoolActionFailedAction(rules.Describe(violation), await commands.LoadAsync()));
            return;
        }

        dispatcher.Dispatch(new PoolActionSucceededAction(done, await commands.LoadAsync()));
    }
}
