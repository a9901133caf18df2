using System.Collections.Immutable;
using Crm.Domain.AfterSales;
using Crm.Domain.Common;
using Crm.Infrastructure.AfterSales;
using Crm.Web.Components;
using Crm.Web.Features.Opportunities;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.AfterSales;

/// <summary>The list's time filter: created today, in the last 7 or 30 days, or whenever.</summary>
public enum AfterSalesPeriod
{
    Today,
    Week,
    Month,
    All,
}

public sealed record AfterSalesFilter(AfterSalesPeriod Period = AfterSalesPeriod.All, AfterSalesStatus? Status = null, AfterSalesType? Type = null);

/// <summary>A message for the user (a snackbar); <paramref name="Id"/> grows so that the same text twice still shows twice.</summary>
public sealed record AfterSalesNotice(string Message, bool IsError, int Id);

[FeatureState]
public sealed record AfterSalesState
{
    public ImmutableList<AfterSalesRow> Rows { get; init; } = [];

    public ImmutableList<CustomerOption> Customers { get; init; } = [];

    public bool CanSubmit { get; init; }

    public bool IsLoading { get; init; }

    public bool IsLoaded { get; init; }

    public AfterSalesFilter Filter { get; init; } = new();

    /// <summary>The request open in the drawer, and its detail once loaded.</summary>
    public Guid? OpenId { get; init; }

    public AfterSalesDetail? Detail { get; init; }

    /// <summary>A new request is being saved; the dialog waits, keeping what was entered.</summary>
    public bool IsSaving { get; init; }

    /// <summary>Why the last submission was refused, shown in the dialog.</summary>
    public string? SubmitError { get; init; }

    /// <summary>Grows with each saved request: the dialog closes when it changes.</summary>
    public int SubmittedCount { get; init; }

    public ImmutableList<RefundRow> Refunds { get; init; } = [];

    public bool CanPay { get; init; }

    public bool RefundsLoaded { get; init; }

    /// <summary>A refund being marked paid.</summary>
    public Guid? PayingId { get; init; }

    public AfterSalesNotice? Notice { get; init; }
}

public sealed record LoadAfterSalesAction;

public sealed record LoadAfterSalesSucceededAction(AfterSalesLoad Load);

public sealed record SetAfterSalesFilterAction(AfterSalesFilter Filter);

public sealed record OpenAfterSalesAction(Guid Id);

public sealed record LoadAfterSalesDetailSucceededAction(AfterSalesDetail? Detail);

public sealed record CloseAfterSalesAction;

public sealed record SubmitAfterSalesAction(AfterSalesInput Input);

public sealed record SubmitAfterSalesSucceededAction(AfterSalesRow Row, string Message);

public sealed record SubmitAfterSalesFailedAction(string Reason);

public sealed record ClearAfterSalesErrorAction;

public sealed record LoadRefundsAction;

public sealed record LoadRefundsSucceededAction(RefundsLoad Load);

public sealed record MarkRefundPaidAction(Guid Id, long Version);

public sealed record MarkRefundPaidSucceededAction(RefundsLoad Load, string Message);

public sealed record MarkRefundPaidFailedAction(string Reason, RefundsLoad? Load);

public sealed record AfterSalesNoticeShownAction(int Id);

public static class AfterSalesReducers
{
    [ReducerMethod]
    public static AfterSalesState OnLoadAfterSales(AfterSalesState state, LoadAfterSalesAction action) => state with { IsLoading = true };

    [ReducerMethod]
    public static AfterSalesState OnLoadAfterSalesSucceeded(AfterSalesState state, LoadAfterSalesSucceededAction action) =>
        state with { Rows = action.Load.Rows, Customers = action.Load.Customers, CanSubmit = action.Load.CanSubmit, IsLoading = false, IsLoaded = true };

    [ReducerMethod]
    public static AfterSalesState OnSetAfterSalesFilter(AfterSalesState state, SetAfterSalesFilterAction action) => state with { Filter = action.Filter };

    [ReducerMethod]
    public static AfterSalesState OnOpenAfterSales(AfterSalesState state, OpenAfterSalesAction action) =>
        state with { OpenId = action.Id, Detail = state.Detail?.Row.Id == action.Id ? state.Detail : null };

    [ReducerMethod]
    public static AfterSalesState OnLoadAfterSalesDetailSucceeded(AfterSalesState state, LoadAfterSalesDetailSucceededAction action) =>
        action.Detail is { } detail && detail.Row.Id != state.OpenId
            ? state
            : state with { Detail = action.Detail, OpenId = action.Detail is null ? null : state.OpenId };

    [ReducerMethod]
    public static AfterSalesState OnCloseAfterSales(AfterSalesState state, CloseAfterSalesAction action) => state with { OpenId = null, Detail = null };

    [ReducerMethod]
    public static AfterSalesState OnSubmitAfterSales(AfterSalesState state, SubmitAfterSalesAction action) => state with { IsSaving = true, SubmitError = null };

    [ReducerMethod]
    public static AfterSalesState OnSubmitAfterSalesSucceeded(AfterSalesState state, SubmitAfterSalesSucceededAction action) =>
        state with
        {
            IsSaving = false,
            SubmitError = null,
            SubmittedCount = state.SubmittedCount + 1,
            Rows = state.Rows.RemoveAll(r => r.Id == action.Row.Id).Insert(0, action.Row),
            Notice = Next(state, action.Message, isError: false),
        };

    [ReducerMethod]
    public static AfterSalesState OnSubmitAfterSalesFailed(AfterSalesState state, SubmitAfterSalesFailedAction action) =>
        state with { IsSaving = false, SubmitError = action.Reason };

    [ReducerMethod]
    public static AfterSalesState OnClearAfterSalesError(AfterSalesState state, ClearAfterSalesErrorAction action) => state with { SubmitError = null };

    [ReducerMethod]
    public static AfterSalesState OnLoadRefundsSucceeded(AfterSalesState state, LoadRefundsSucceededAction action) =>
        state with { Refunds = action.Load.Rows, CanPay = action.Load.CanPay, RefundsLoaded = true };

    [ReducerMethod]
    public static AfterSalesState OnMarkRefundPaid(AfterSalesState state, MarkRefundPaidAction action) => state with { PayingId = action.Id };

    [ReducerMethod]
    public static AfterSalesState OnMarkRefundPaidSucceeded(AfterSalesState state, MarkRefundPaidSucceededAction action) =>
        state with { PayingId = null, Refunds = action.Load.Rows, CanPay = action.Load.CanPay, Notice = Next(state, action.Message, isError: false) };

    [ReducerMethod]
    public static AfterSalesState OnMarkRefundPaidFailed(AfterSalesState state, MarkRefundPaidFailedAction action) =>
        state with { PayingId = null, Refunds = action.Load?.Rows ?? state.Refunds, Notice = Next(state, action.Reason, isError: true) };

    [ReducerMethod]
    public static AfterSalesState OnAfterSalesNoticeShown(AfterSalesState state, AfterSalesNoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static AfterSalesState OnEffectFailed(AfterSalesState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadAfterSalesAction => state with { IsLoading = false },
            SubmitAfterSalesAction => state with { IsSaving = false },
            MarkRefundPaidAction => state with { PayingId = null },
            _ => state,
        };

    private static AfterSalesNotice Next(AfterSalesState state, string message, bool isError) => new(message, isError, (state.Notice?.Id ?? 0) + 1);
}

public sealed class AfterSalesEffects(AfterSalesCommands commands, RuleMessages rules, IStringLocalizer<SharedResource> localizer)
{
    [EffectMethod]
    public async Task HandleLoad(LoadAfterSalesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadAfterSalesSucceededAction(await commands.LoadAsync()));

    [EffectMethod]
    public async Task HandleOpen(OpenAfterSalesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadAfterSalesDetailSucceededAction(await commands.LoadDetailAsync(action.Id)));

    [EffectMethod]
    public async Task HandleSubmit(SubmitAfterSalesAction action, IDispatcher dispatcher)
    {
        AfterSalesRow row;
        try
        {
            row = await commands.SubmitAsync(action.Input);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new SubmitAfterSalesFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new SubmitAfterSalesSucceededAction(row, localizer["AfterSales.Submitted"]));
    }

    [EffectMethod]
    public async Task HandleLoadRefunds(LoadRefundsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadRefundsSucceededAction(await commands.LoadRefundsAsync()));

    [EffectMethod]
    public async Task HandleMarkPaid(MarkRefundPaidAction action, IDispatcher dispatcher)
    {
        try
        {
            await commands.MarkPaidAsync(action.Id, action.Version);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new MarkRefundPaidFailedAction(rules.Describe(violation), await commands.LoadRefundsAsync()));
            return;
        }

        dispatcher.Dispatch(new MarkRefundPaidSucceededAction(await commands.LoadRefundsAsync(), localizer["Refunds.MarkedPaid"]));
    }
}
