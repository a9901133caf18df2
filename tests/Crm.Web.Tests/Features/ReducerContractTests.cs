using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Crm.Domain.Approvals;
using Crm.Domain.Leads;
using Crm.Domain.Notifications;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Admin;
using Crm.Web.Features.AfterSales;
using Crm.Infrastructure.AfterSales;
using Crm.Web.Features.Approvals;
using Crm.Web.Features.Leads;
using Crm.Web.Features.Customers;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Opportunities;
using Crm.Web.Features.Pool;
using Crm.Web.Features.Shell;
using Crm.Web.Features.WorkOrders;
using Crm.Domain.Service;
using Crm.Web.Realtime;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>
/// What every production reducer and feature state promises (ARCHITECTURE §6, STYLE §6): immutable states,
/// static reducers named On&lt;Action&gt;, and purity: the input is left as it was, the same input gives an equal output.
/// </summary>
public sealed class ReducerContractTests
{
    private static readonly Assembly Web = typeof(CrmServices).Assembly;

    private static readonly NotificationItem Unread = Samples.Notification();
    private static readonly NotificationItem Read = Samples.Notification(isRead: true);
    private static readonly ShopOption Tmall = Samples.Shop("Tmall");
    private static readonly ShopOption Jd = Samples.Shop("JD");
    private static readonly UserRow SomeUser = Samples.User();
    private static readonly OpportunityCard Moved = Samples.Card(OpportunityStage.Proposal, version: 4);
    private static readonly OpportunityCard Resting = Samples.Card(OpportunityStage.Lead, version: 2, priority: Priority.A);
    private static readonly OpportunityCard Unknown = Samples.Card(OpportunityStage.Negotiation, version: 9);
    private static readonly OpportunityDetail MovedDetail = Samples.Detail(Moved);
    private static readonly PipelineSettingsInput Settings = Samples.SettingsInput();
    private static readonly PresenceEntry Colleague = new(Guid.NewGuid(), "rep2@demo.local", "Zhang Min", Moved.Id);

    // Shared, so that two states built from them are equal as records (lists compare by reference).
    private static readonly ImmutableList<ShopOption> TwoShops = [Tmall, Jd];
    private static readonly ImmutableList<NotificationItem> UnreadAndRead = [Unread, Read];
    private static readonly ImmutableList<UserRow> OneUser = [SomeUser];
    private static readonly ImmutableDictionary<Guid, OpportunityCard> TwoCards = new[] { Moved, Resting }.ToImmutableDictionary(c => c.Id);
    private static readonly ImmutableDictionary<Guid, PendingMove> MovedPending =
        ImmutableDictionary<Guid, PendingMove>.Empty.Add(Moved.Id, new PendingMove(OpportunityStage.NeedsAnalysis, OpportunityStage.Proposal, 3));
    private static readonly CompletionRequest MovedAwaiting = new(Moved.Id, OpportunityStage.Proposal, [StageRequirement.NeedsSummary]);
    private static readonly ImmutableHashSet<OpportunityStage> WonFolded = [OpportunityStage.Won];
    private static readonly ImmutableList<PresenceEntry> OneColleague = [Colleague];
    private static readonly ImmutableList<CustomerOption> OneCustomer = [new(Guid.NewGuid(), "Huayu Logistics")];
    private static readonly ApprovalCard Claim = Samples.Approval(version: 2);
    private static readonly ApprovalCard Decided = Samples.Approval(ApprovalStatus.Approved, version: 3, deciderName: "Wang Fang");
    private static readonly ImmutableDictionary<Guid, ApprovalCard> TwoRequests = new[] { Claim, Decided }.ToImmutableDictionary(c => c.Id);
    private static readonly ImmutableDictionary<Guid, PendingDecision> DecidedPending =
        ImmutableDictionary<Guid, PendingDecision>.Empty.Add(Decided.Id, new PendingDecision(ApprovalDecision.Approve, 2));
    private static readonly PoolView SomePool = Samples.PoolView();
    private static readonly PoolSettingsForm PoolForm = Samples.PoolSettingsForm();

    private static readonly WorkOrderCard NewOrder = Samples.WorkOrder();
    private static readonly WorkOrderCard AssignedOrder = Samples.WorkOrder(WorkOrderStatus.Assigned, version: 3, technician: Samples.Technician1);
    private static readonly WorkOrderCard UnknownOrder = Samples.WorkOrder(WorkOrderStatus.InProgress, version: 5, technician: Samples.Technician2);
    private static readonly ImmutableDictionary<Guid, WorkOrderCard> TwoOrders = new[] { NewOrder, AssignedOrder }.ToImmutableDictionary(c => c.Id);
    private static readonly ImmutableList<TechnicianOption> TwoTechnicians = [Samples.Technician1, Samples.Technician2];
    private static readonly ImmutableDictionary<Guid, PendingDispatch> AssignedPending =
        ImmutableDictionary<Guid, PendingDispatch>.Empty.Add(AssignedOrder.Id, new PendingDispatch(AssignedOrder with { Status = WorkOrderStatus.New, TechnicianId = null }, 2));
    private static readonly LeadRow PoolLead = new(
        Guid.NewGuid(), "周一", "一号物流", "138 0000 0001", null, SourceChannel.Website, LeadStatus.Unassigned, null, null, Guid.NewGuid(), null, Samples.Now, null, null, 1);
    private static readonly LeadPage OneLeadPage = new([PoolLead], 1, ImmutableDictionary<LeadStatus, int>.Empty.Add(LeadStatus.Unassigned, 1));
    private static readonly LeadFilter PendingFilter = new(LeadStatus.Pending, Text: "周");
    private static readonly ImmutableList<LeadOwner> OneOwner = [new(Guid.NewGuid(), "Li Wei")];
    private static readonly LeadFileRow FileRow = new(2, "周一", null, "138 0000 0001", null, null);
    private static readonly ImmutableList<LeadFileRow> OneFileRow = [FileRow];
    private static readonly LeadImportPreview OnePreview = new([new LeadImportRow(FileRow, SourceChannel.Website, [])]);
    private static readonly LeadImportReport OneImported = new(1, []);
    private static readonly Guid SomeShop = Guid.NewGuid();
    private static readonly CustomerOptions Choices = Samples.CustomerChoices();
    private static readonly CustomerProfileView Profile = Samples.CustomerProfile();
    private static readonly Guid ProfileId = Profile.Details.Id;
    private static readonly HandOverResult HandedOver = new("Li Wei", "Zhang Min", 24, 12, false);
    private static readonly CustomerFilter SomeFilter = new(Name: "物流", InPool: true);
    private static readonly AfterSalesRow PendingReturn = Samples.AfterSalesRow();
    private static readonly AfterSalesRow ApprovedExchange = Samples.AfterSalesRow(Domain.AfterSales.AfterSalesType.Exchange, Domain.AfterSales.AfterSalesStatus.Approved);
    private static readonly ImmutableList<AfterSalesRow> TwoReturns = [PendingReturn, ApprovedExchange];
    private static readonly AfterSalesDetail ReturnDetail = Samples.AfterSalesDetail(PendingReturn);
    private static readonly RefundRow DueRefund = Samples.Refund();
    private static readonly ImmutableList<RefundRow> OneRefund = [DueRefund];
    private static readonly AfterSalesInput SomeReturn = new(
        Domain.AfterSales.AfterSalesType.ReturnAndRefund, Guid.NewGuid(), "TM-1", [("川字托盘", 12)], 480m, Domain.AfterSales.AfterSalesReason.Damaged, null, "上海");

    /// <summary>Each call builds a fresh, equal instance, so a reducer cannot share it between two runs.</summary>
    private static readonly Dictionary<Type, Func<object>[]> States = new()
    {
        [typeof(ShellState)] =
        [
            () => new ShellState(),
            () => new ShellState { Shops = TwoShops, SelectedShopId = Jd.Id, IsDarkMode = true },
        ],
        [typeof(NotificationsState)] =
        [
            () => new NotificationsState(),
            () => new NotificationsState { Items = UnreadAndRead, IsLoading = true },
        ],
        [typeof(AdminUsersState)] =
        [
            () => new AdminUsersState(),
            () => new AdminUsersState { Users = OneUser, IsLoading = true, IsSaving = true, SaveError = "x", SavedCount = 1 },
        ],
        [typeof(PipelineState)] =
        [
            () => new PipelineState(),
            () => new PipelineState
            {
                Cards = TwoCards,
                IsLoading = true,
                IsLoaded = true,
                Pending = MovedPending,
                AwaitingCompletion = MovedAwaiting,
                Filter = new PipelineFilter(Text: "pallet"),
                Folded = WonFolded,
                Presence = OneColleague,
                Notice = new PipelineNotice("Moved back.", true, 3),
            },
        ],
        [typeof(OpportunityDetailState)] =
        [
            () => new OpportunityDetailState(),
            () => new OpportunityDetailState
            {
                OpenId = Moved.Id, Detail = MovedDetail, IsLoading = true, IsSaving = true, Error = "x", Customers = OneCustomer, CreatedCount = 2,
            },
        ],
        [typeof(ApprovalsState)] =
        [
            () => new ApprovalsState(),
            () => new ApprovalsState
            {
                Cards = TwoRequests,
                IsLoading = true,
                IsLoaded = true,
                Pending = DecidedPending,
                AwaitingDecision = new DecisionRequest(Claim.Id, ApprovalDecision.Reject),
                Filter = new ApprovalsFilter(ApprovalKind.PoolClaim),
                Presence = OneColleague,
                Notice = new ApprovalsNotice("Not saved.", true, 2),
            },
        ],
        [typeof(DispatchState)] =
        [
            () => new DispatchState(),
            () => new DispatchState
            {
                Cards = TwoOrders,
                Technicians = TwoTechnicians,
                IsLoading = true,
                IsLoaded = true,
                Pending = AssignedPending,
                AwaitingCapacity = new CapacityRequest(AssignedOrder.Id, Samples.Technician2.Id, 3, 3),
                Filter = new DispatchFilter(Priority: WorkOrderPriority.Urgent, OverdueOnly: true),
                ByTechnician = true,
                Presence = OneColleague,
                Notice = new DispatchNotice("Saved.", false, 2),
                NoticeCount = 2,
            },
        ],
        [typeof(LeadsState)] =
        [
            () => new LeadsState(),
            () => new LeadsState
            {
                Filter = PendingFilter, Page = OneLeadPage, IsLoading = true, IsLoaded = true, IsSaving = true, Owners = OneOwner,
                Notice = new LeadsNotice("Done.", false, 2), Error = "x", SavedCount = 1, NoticeCount = 2,
            },
        ],
        [typeof(LeadImportState)] =
        [
            () => new LeadImportState(),
            () => new LeadImportState
            {
                FileName = "leads.csv", Rows = OneFileRow, Preview = OnePreview, ShopId = SomeShop, Source = SourceChannel.Phone, IsImporting = true, Total = 1,
            },
            () => new LeadImportState { FileName = "leads.csv", Rows = OneFileRow, Preview = OnePreview, Report = OneImported, Done = 1, Total = 1, Error = "x" },
        ],
        [typeof(CustomersState)] =
        [
            () => new CustomersState(),
            () => new CustomersState
            {
                Filter = SomeFilter, Options = Choices, ListVersion = 2, IsSaving = true, Error = "x", SavedCount = 1, LastHandOver = HandedOver,
            },
        ],
        [typeof(CustomerProfileState)] =
        [
            () => new CustomerProfileState(),
            () => new CustomerProfileState { Id = ProfileId, Profile = Profile, IsLoading = true },
            () => new CustomerProfileState { Id = ProfileId, NotFound = true },
        ],
        [typeof(PipelineSettingsState)] =
        [
            () => new PipelineSettingsState(),
            () => new PipelineSettingsState { Settings = Settings, IsSaving = true, Error = "x", SavedCount = 1 },
        ],
        [typeof(PoolState)] =
        [
            () => new PoolState(),
            () => new PoolState { View = SomePool, IsLoading = true, IsBusy = true, Region = SomePool.Regions[0].Id, Text = "logistics", Notice = new PoolNotice("Refused.", true, 2) },
        ],
        [typeof(AfterSalesState)] =
        [
            () => new AfterSalesState(),
            () => new AfterSalesState
            {
                Rows = TwoReturns, Customers = OneCustomer, CanSubmit = true, IsLoading = true, IsLoaded = true,
                Filter = new AfterSalesFilter(AfterSalesPeriod.Week, Domain.AfterSales.AfterSalesStatus.PendingApproval),
                OpenId = PendingReturn.Id, Detail = ReturnDetail, IsSaving = true, SubmitError = "x", SubmittedCount = 2,
                Refunds = OneRefund, CanPay = true, RefundsLoaded = true, PayingId = DueRefund.Id, Notice = new AfterSalesNotice("Saved.", false, 2),
            },
        ],
        [typeof(PoolSettingsState)] =
        [
            () => new PoolSettingsState(),
            () => new PoolSettingsState { Form = PoolForm, IsSaving = true, Error = "x", SavedCount = 1 },
        ],
        [typeof(ServiceSettingsState)] =
        [
            () => new ServiceSettingsState(),
            () => new ServiceSettingsState { Settings = new ServiceSettingsInput(2, 12, 36, 96), IsSaving = true, Error = "x", SavedCount = 1 },
        ],
    };

    private static readonly object[] Actions =
    [
        new ToggleDarkModeAction(),
        new ToggleDrawerAction(),
        new LoadShopsAction(),
        new LoadShopsSucceededAction([Tmall]),
        new SelectShopAction(Tmall.Id),
        new SelectShopAction(Jd.Id),
        new SelectShopAction(null),
        new LoadNotificationsAction(),
        new LoadNotificationsSucceededAction([Read]),
        new MarkNotificationReadAction(Unread.Id),
        new MarkNotificationReadAction(Read.Id),
        new MarkAllNotificationsReadAction(),
        new NotificationReceivedRemotelyAction(Samples.Notification()),
        new NotificationReceivedRemotelyAction(Unread),
        new LoadUsersAction(),
        new LoadUsersSucceededAction([SomeUser]),
        new SaveUserAction(null, Samples.Input()),
        new SaveUserAction(SomeUser.Id, Samples.Input()),
        new SaveUserSucceededAction(),
        new SaveUserFailedAction("Refused."),
        new ClearSaveErrorAction(),
        new SetUserDisabledAction(SomeUser.Id, true),
        new EffectFailedAction(new LoadNotificationsAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new LoadUsersAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new SaveUserAction(null, Samples.Input()), new InvalidOperationException("x")),
        new EffectFailedAction(new LoadShopsAction(), new InvalidOperationException("x")),

        new LoadPipelineAction(),
        new LoadPipelineSucceededAction([Moved with { Stage = OpportunityStage.NeedsAnalysis, Version = 3 }, Unknown], PipelineSettings.Default),
        new MoveOpportunityAction(Resting.Id, OpportunityStage.FirstContact, Resting.Version),
        new MoveOpportunityAction(Moved.Id, OpportunityStage.Negotiation, 3),
        new MoveOpportunityAction(Moved.Id, OpportunityStage.Proposal, 3, new StageCompletion("Needs pallets.")),
        new MoveOpportunityAction(Unknown.Id, OpportunityStage.Won, Unknown.Version),
        new MoveOpportunitySucceededAction(Moved with { Version = 5 }),
        new MoveOpportunitySucceededAction(Moved with { Version = 1 }),
        new MoveOpportunityFailedAction(Moved.Id, "Li Wei moved this meanwhile.", Moved with { Stage = OpportunityStage.Lost, Version = 6 }),
        new MoveOpportunityFailedAction(Moved.Id, "Refused.", null),
        new MoveOpportunityFailedAction(Unknown.Id, "Refused.", null),
        new MoveOpportunityNeedsCompletionAction(Moved.Id, OpportunityStage.Negotiation, [StageRequirement.PositiveAmount]),
        new CancelOpportunityCompletionAction("Move cancelled."),
        new OpportunityChangedRemotelyAction(Moved with { Version = 3 }),
        new OpportunityChangedRemotelyAction(Moved with { Stage = OpportunityStage.Won, Version = 7 }),
        new OpportunityChangedRemotelyAction(Resting with { Version = 1 }),
        new OpportunityChangedRemotelyAction(Unknown),
        new OpportunityChangedRemotelyAction(Unknown with { Stage = OpportunityStage.Proposal, Version = 9, MovedFrom = OpportunityStage.Lead }),
        new OpportunityChangedRemotelyAction(Unknown with { Id = Guid.NewGuid() }, Added: true),
        new ShowMorePipelineStageAction(OpportunityStage.Lead),
        new PipelineStageLoadedAction(OpportunityStage.Lead, [Resting with { Version = 1 }, Unknown]),
        new OpportunityRemovedRemotelyAction(Resting.Id),
        new OpportunityRemovedRemotelyAction(Unknown.Id),
        new PipelinePresenceChangedAction(OneColleague),
        new PipelinePresenceChangedAction([]),
        new SetPipelineFilterAction(new PipelineFilter(Text: "pallet")),
        new SetPipelineFilterAction(new PipelineFilter(Priority: Priority.A, StaleOnly: true)),
        new TogglePipelineStageFoldAction(OpportunityStage.Won),
        new TogglePipelineStageFoldAction(OpportunityStage.Lost),
        new NoticeShownAction(3),
        new NoticeShownAction(2),
        new EffectFailedAction(new LoadPipelineAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new MoveOpportunityAction(Moved.Id, OpportunityStage.Negotiation, 3), new InvalidOperationException("x")),

        new OpenOpportunityAction(Moved.Id),
        new OpenOpportunityAction(Resting.Id),
        new CloseOpportunityAction(),
        new LoadOpportunityDetailSucceededAction(MovedDetail),
        new LoadOpportunityDetailSucceededAction(Samples.Detail(Resting)),
        new LoadOpportunityDetailSucceededAction(null),
        new SaveOpportunityAction(Moved.Id, 4, new OpportunityEdit("Title", 1_000m, Samples.Today, null, ScoringInputs.Unknown)),
        new AddFollowUpAction(Moved.Id, new NewFollowUp(FollowUpChannel.Call, "Called.", null)),
        new CreateOpportunityAction(new NewOpportunity(Guid.NewGuid(), "Title", 1_000m, Samples.Today, SourceChannel.Phone)),
        new LoadCustomerOptionsSucceededAction(OneCustomer),
        new OpportunityDetailSavedAction(Created: true),
        new OpportunityDetailSavedAction(Created: false),
        new OpportunityDetailFailedAction("Refused."),
        new EffectFailedAction(new SaveOpportunityAction(Moved.Id, 4, new OpportunityEdit(null, null, null, null, ScoringInputs.Unknown)), new InvalidOperationException("x")),
        new EffectFailedAction(new OpenOpportunityAction(Moved.Id), new InvalidOperationException("x")),

        new LoadApprovalsAction(),
        new LoadApprovalsSucceededAction([Claim, Decided with { Status = ApprovalStatus.Pending, Version = 2 }]),
        new AskDecisionAction(Claim.Id, ApprovalDecision.Approve),
        new AskDecisionAction(Decided.Id, ApprovalDecision.Reject),
        new CancelDecisionAction(),
        new DecideApprovalAction(Claim.Id, ApprovalDecision.Reject, "No.", Claim.Version),
        new DecideApprovalAction(Decided.Id, ApprovalDecision.Approve, null, 2),
        new DecideApprovalSucceededAction(Claim with { Status = ApprovalStatus.Rejected, Version = 3 }),
        new DecideApprovalSucceededAction(Decided with { Version = 1 }),
        new DecideApprovalFailedAction(Claim.Id, "Wang Fang decided first.", Claim with { Status = ApprovalStatus.Approved, Version = 4 }),
        new DecideApprovalFailedAction(Decided.Id, "Refused.", null),
        new ApprovalChangedRemotelyAction(Claim with { Status = ApprovalStatus.Approved, Version = 5 }),
        new ApprovalChangedRemotelyAction(Decided with { Version = 2 }),
        new ApprovalChangedRemotelyAction(Samples.Approval()),
        new ApprovalRemovedRemotelyAction(Claim.Id),
        new ApprovalRemovedRemotelyAction(Guid.NewGuid()),
        new ApprovalsPresenceChangedAction(OneColleague),
        new SetApprovalsFilterAction(new ApprovalsFilter(Status: ApprovalStatus.Rejected)),
        new SetApprovalsFilterAction(new ApprovalsFilter(ApprovalKind.PoolClaim)),
        new ApprovalsNoticeShownAction(2),
        new ApprovalsNoticeShownAction(1),
        new EffectFailedAction(new LoadApprovalsAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new DecideApprovalAction(Claim.Id, ApprovalDecision.Approve, null, 2), new InvalidOperationException("x")),
        new LoadDispatchAction(),
        new LoadDispatchSucceededAction([AssignedOrder with { Version = 2, Status = WorkOrderStatus.New }, UnknownOrder], TwoTechnicians),
        new AssignWorkOrderAction(NewOrder.Id, Samples.Technician1.Id, NewOrder.Version),
        new AssignWorkOrderAction(AssignedOrder.Id, Samples.Technician2.Id, 2, OverCapacityConfirmed: true),
        new AssignWorkOrderAction(UnknownOrder.Id, Samples.Technician1.Id, UnknownOrder.Version),
        new MoveWorkOrderAction(NewOrder.Id, WorkOrderStatus.Cancelled, NewOrder.Version, new WorkOrderDetails(Reason: "Customer fixed it.")),
        new MoveWorkOrderAction(AssignedOrder.Id, WorkOrderStatus.Assigned, 3),
        new MoveWorkOrderAction(UnknownOrder.Id, WorkOrderStatus.Completed, 5, new WorkOrderDetails(WorkDone: "Done.")),
        new WorkOrderSavedAction(AssignedOrder with { Version = 4 }, "Saved."),
        new WorkOrderSavedAction(AssignedOrder with { Version = 1 }),
        new WorkOrderRefusedAction(AssignedOrder.Id, "Chen Jing assigned this meanwhile.", AssignedOrder with { Version = 6, TechnicianId = Samples.Technician2.Id }),
        new WorkOrderRefusedAction(AssignedOrder.Id, "Refused.", null),
        new WorkOrderRefusedAction(UnknownOrder.Id, "Refused.", null),
        new WorkOrderOverCapacityAction(AssignedOrder.Id, Samples.Technician2.Id, 3, 3),
        new DeclineOverCapacityAction("Not assigned."),
        new WorkOrderChangedRemotelyAction(AssignedOrder with { Version = 2 }),
        new WorkOrderChangedRemotelyAction(AssignedOrder with { Status = WorkOrderStatus.InProgress, Version = 7 }),
        new WorkOrderChangedRemotelyAction(UnknownOrder),
        new WorkOrderRemovedRemotelyAction(NewOrder.Id),
        new WorkOrderRemovedRemotelyAction(UnknownOrder.Id),
        new DispatchPresenceChangedAction(OneColleague),
        new DispatchPresenceChangedAction([]),
        new SetDispatchFilterAction(new DispatchFilter(Type: WorkOrderType.Repair)),
        new SetDispatchFilterAction(new DispatchFilter(Priority: WorkOrderPriority.Urgent, OverdueOnly: true)),
        new SetDispatchViewAction(true),
        new SetDispatchViewAction(false),
        new TechnicianUpdatedAction(Samples.Technician1 with { IsOffDuty = true }),
        new TechnicianUpdatedAction(new TechnicianOption(Guid.NewGuid(), "tech9@demo.local", "Nobody", false, 4)),
        new DispatchNoticeShownAction(2),
        new DispatchNoticeShownAction(1),
        new EffectFailedAction(new LoadDispatchAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new AssignWorkOrderAction(AssignedOrder.Id, Samples.Technician2.Id, 2), new InvalidOperationException("x")),
        new EffectFailedAction(new MoveWorkOrderAction(NewOrder.Id, WorkOrderStatus.Cancelled, 1), new InvalidOperationException("x")),

        new LoadPipelineSettingsSucceededAction(Settings),
        new LoadPipelineSettingsSucceededAction(Settings with { StaleDays = 14 }),
        new SavePipelineSettingsAction(Settings),
        new SavePipelineSettingsSucceededAction(Settings with { AThreshold = 80 }),
        new SavePipelineSettingsFailedAction("Refused."),
        new EffectFailedAction(new SavePipelineSettingsAction(Settings), new InvalidOperationException("x")),

        new LoadPoolAction(),
        new LoadPoolSucceededAction(SomePool),
        new SetPoolFilterAction(SomePool.Regions[0].Id, " pallets "),
        new SetPoolFilterAction(null, string.Empty),
        new ClaimCustomerAction(SomePool.Pool[0].Id, "Met them."),
        new ReleaseCustomerAction(SomePool.Mine[0].Id, 3, "Moved away."),
        new LockCustomerAction(SomePool.Mine[0].Id, 3, true),
        new AssignCustomersAction([SomePool.Pool[0].Id], [SomePool.Reps[0].Id]),
        new PoolActionSucceededAction("Done.", SomePool),
        new PoolActionFailedAction("Refused.", SomePool),
        new PoolActionFailedAction("Refused.", null),
        new PoolNoticeShownAction(2),
        new PoolNoticeShownAction(1),
        new EffectFailedAction(new LoadPoolAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new ClaimCustomerAction(SomePool.Pool[0].Id, "x"), new InvalidOperationException("x")),

        new LoadAfterSalesAction(),
        new LoadAfterSalesSucceededAction(new AfterSalesLoad(TwoReturns, OneCustomer, true)),
        new SetAfterSalesFilterAction(new AfterSalesFilter(Type: Domain.AfterSales.AfterSalesType.Exchange)),
        new OpenAfterSalesAction(PendingReturn.Id),
        new OpenAfterSalesAction(ApprovedExchange.Id),
        new LoadAfterSalesDetailSucceededAction(ReturnDetail),
        new LoadAfterSalesDetailSucceededAction(null),
        new CloseAfterSalesAction(),
        new SubmitAfterSalesAction(SomeReturn),
        new SubmitAfterSalesSucceededAction(PendingReturn with { Version = 2 }, "Submitted."),
        new SubmitAfterSalesFailedAction("Refused."),
        new ClearAfterSalesErrorAction(),
        new LoadRefundsAction(),
        new LoadRefundsSucceededAction(new RefundsLoad(OneRefund, true)),
        new MarkRefundPaidAction(DueRefund.Id, 1),
        new MarkRefundPaidSucceededAction(new RefundsLoad([Samples.Refund(Domain.AfterSales.RefundStatus.Paid)], true), "Paid."),
        new MarkRefundPaidFailedAction("Refused.", null),
        new MarkRefundPaidFailedAction("Refused.", new RefundsLoad(OneRefund, false)),
        new AfterSalesNoticeShownAction(2),
        new AfterSalesNoticeShownAction(1),
        new EffectFailedAction(new LoadAfterSalesAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new SubmitAfterSalesAction(SomeReturn), new InvalidOperationException("x")),
        new EffectFailedAction(new MarkRefundPaidAction(DueRefund.Id, 1), new InvalidOperationException("x")),

        new LoadPoolSettingsSucceededAction(PoolForm),
        new SavePoolSettingsAction(PoolForm.Settings),
        new SavePoolSettingsSucceededAction(PoolForm),
        new SavePoolSettingsFailedAction("Refused."),
        new EffectFailedAction(new SavePoolSettingsAction(PoolForm.Settings), new InvalidOperationException("x")),
        new LoadServiceSettingsAction(),
        new LoadServiceSettingsSucceededAction(new ServiceSettingsInput(2, 12, 36, 96)),
        new SaveServiceSettingsAction(new ServiceSettingsInput(2, 12, 36, 96)),
        new SaveServiceSettingsSucceededAction(new ServiceSettingsInput(2, 12, 36, 96)),
        new SaveServiceSettingsFailedAction("Refused."),
        new EffectFailedAction(new SaveServiceSettingsAction(new ServiceSettingsInput(2, 12, 36, 96)), new InvalidOperationException("x")),
        new LoadLeadsAction(new LeadFilter()),
        new LoadLeadsAction(PendingFilter),
        new LoadLeadsSucceededAction(PendingFilter, OneLeadPage),
        new LoadLeadsSucceededAction(new LeadFilter(), LeadPage.Empty),
        new LoadLeadOwnersAction(),
        new LoadLeadOwnersSucceededAction(OneOwner),
        new CreateLeadAction(new NewLead("周一", null, null, null, SourceChannel.Phone, null)),
        new AssignLeadsAction([new LeadVersion(PoolLead.Id, 1)], OneOwner[0].Id),
        new ActOnLeadAction(new LeadVersion(PoolLead.Id, 1), new LeadAct.Take()),
        new ConvertLeadAction(new LeadVersion(PoolLead.Id, 1), new LeadConversion("一号物流", true, "周一", null, false, null, null, null)),
        new LeadsSavedAction("Done."),
        new LeadsSavedAction("Partly done.", IsPartial: true),
        new LeadsFailedAction("Refused."),
        new LeadsNoticeShownAction(2),
        new LeadsNoticeShownAction(1),
        new CheckLeadImportAction("leads.csv", [1, 2], null, SourceChannel.Website),
        new CheckLeadImportSucceededAction(OneFileRow, OnePreview),
        new CheckLeadImportFailedAction("Unreadable."),
        new StartLeadImportAction(),
        new LeadImportProgressedAction(1, 1),
        new LeadImportCompletedAction(OneImported),
        new LeadImportFailedAction("Refused."),
        new ResetLeadImportAction(),
        new EffectFailedAction(new LoadLeadsAction(PendingFilter), new InvalidOperationException("x")),
        new EffectFailedAction(new ActOnLeadAction(new LeadVersion(PoolLead.Id, 1), new LeadAct.Revive()), new InvalidOperationException("x")),
        new EffectFailedAction(new CheckLeadImportAction("leads.csv", [1], null, SourceChannel.Website), new InvalidOperationException("x")),
        new EffectFailedAction(new StartLeadImportAction(), new InvalidOperationException("x")),
        new LoadCustomerChoicesSucceededAction(Choices),
        new SetCustomerFilterAction(SomeFilter),
        new SetCustomerFilterAction(new CustomerFilter()),
        new SaveCustomerAction(null, 0, Samples.CustomerInput()),
        new SaveCustomerAction(ProfileId, 3, Samples.CustomerInput()),
        new RecordCustomerFollowUpAction(new FollowUpInput(ProfileId, null, "Called.")),
        new SaveContactAction(ProfileId, null, new ContactInput("王建国", null, null)),
        new HandOverCustomersAction(new HandOverRequest(Guid.NewGuid(), null, "Left")),
        new CustomerSavedAction(ProfileId),
        new CustomersHandedOverAction(HandedOver),
        new CustomerSaveFailedAction("Refused."),
        new ClearCustomerErrorAction(),
        new OpenCustomerProfileAction(ProfileId),
        new OpenCustomerProfileAction(Guid.NewGuid()),
        new CustomerProfileLoadedAction(ProfileId, Profile),
        new CustomerProfileLoadedAction(ProfileId, null),
        new CustomerProfileLoadedAction(Guid.NewGuid(), Profile),
        new EffectFailedAction(new SaveCustomerAction(null, 0, Samples.CustomerInput()), new InvalidOperationException("x")),
        new EffectFailedAction(new OpenCustomerProfileAction(ProfileId), new InvalidOperationException("x")),
    ];

    public static TheoryData<string> Reducers()
    {
        var data = new TheoryData<string>();
        foreach (var reducer in ReducerMethods())
        {
            data.Add($"{reducer.DeclaringType!.Name}.{reducer.Name}");
        }

        return data;
    }

    public static TheoryData<string> FeatureStates()
    {
        var data = new TheoryData<string>();
        foreach (var state in Web.GetTypes().Where(t => t.GetCustomAttribute<FeatureStateAttribute>() is not null))
        {
            data.Add(state.FullName!);
        }

        return data;
    }

    [Fact]
    public void WhenTheWebAssemblyIsScanned_TheProductionSlicesAreFound()
    {
        var registry = new StoreRegistry(Web);

        registry.FeatureTypes.ShouldBe(
            [typeof(AdminUsersState), typeof(NotificationsState), typeof(ShellState), typeof(PipelineState), typeof(OpportunityDetailState), typeof(PipelineSettingsState),
                typeof(ApprovalsState), typeof(PoolState), typeof(PoolSettingsState), typeof(ServiceSettingsState), typeof(DispatchState), typeof(LeadsState), typeof(LeadImportState),
                typeof(CustomersState), typeof(CustomerProfileState), typeof(AfterSalesState)],
            ignoreOrder: true);
        ReducerMethods().Count().ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void WhenAReducerIsDeclared_ItIsStaticAndNamedOnItsAction(string name)
    {
        var reducer = Find(name);
        var actionName = reducer.GetParameters()[1].ParameterType.Name;

        reducer.IsStatic.ShouldBeTrue();
        actionName.ShouldEndWith("Action");
        reducer.Name.ShouldBe("On" + actionName[..^"Action".Length]);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void WhenAReducerRunsTwiceOnEqualInput_ItLeavesTheInputAsItWasAndGivesEqualOutput(string name)
    {
        var reducer = Find(name);
        var stateType = reducer.ReturnType;
        var actionType = reducer.GetParameters()[1].ParameterType;
        var actions = Actions.Where(actionType.IsInstanceOfType).ToList();
        actions.ShouldNotBeEmpty($"add a sample {actionType.Name} to {nameof(ReducerContractTests)}.{nameof(Actions)}");
        States.ShouldContainKey(stateType, $"add sample {stateType.Name}s to {nameof(ReducerContractTests)}.{nameof(States)}");

        foreach (var sample in States[stateType])
        {
            foreach (var action in actions)
            {
                var input = sample();
                var untouched = sample();
                input.ShouldBe(untouched);

                var first = reducer.Invoke(null, [input, action]);
                var second = reducer.Invoke(null, [sample(), action]);

                Structural.Equivalent(input, untouched).ShouldBeTrue($"{name} changed its input for {action}");
                first.ShouldNotBeNull();
                Structural.Equivalent(first, second).ShouldBeTrue($"{name} gave different output for equal input and {action}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FeatureStates))]
    public void WhenAFeatureStateIsDeclared_ItIsASealedRecordOfImmutableValues(string name)
    {
        var state = Web.GetType(name, throwOnError: true)!;

        state.IsSealed.ShouldBeTrue();
        state.GetConstructor(Type.EmptyTypes).ShouldNotBeNull("the parameterless constructor gives the initial state");
        state.GetMethod("<Clone>$").ShouldNotBeNull("a feature state is a record");
        AssertImmutable(state, [], name);
    }

    private static void AssertImmutable(Type type, HashSet<Type> seen, string path)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(TimeSpan))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            AssertImmutable(underlying, seen, path);
            return;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            type.Namespace.ShouldBe(typeof(ImmutableList).Namespace, $"{path} must be an immutable collection, not {type.Name}");
            foreach (var argument in type.GetGenericArguments())
            {
                AssertImmutable(argument, seen, $"{path}<{argument.Name}>");
            }

            return;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            // The sample data are checked instead: an interface says nothing about its implementation.
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            field.IsInitOnly.ShouldBeTrue($"{path}.{field.Name} must be read-only");
            AssertImmutable(field.FieldType, seen, $"{path}.{field.Name}");
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) ?? true;
            initOnly.ShouldBeTrue($"{path}.{property.Name} must be init-only");
        }
    }

    private static IEnumerable<MethodInfo> ReducerMethods() =>
        Web.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<ReducerMethodAttribute>() is not null);

    private static MethodInfo Find(string name) =>
        ReducerMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
}
