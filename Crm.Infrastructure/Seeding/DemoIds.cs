using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Domain.Service;

namespace Crm.Infrastructure.Seeding;

/// <summary>Fixed ids of the demo data, so that tests and links can name them.</summary>
public static class DemoIds
{
    public static readonly TenantId DemoTenant = new(Guid.Parse("0b1c0000-0000-4000-8000-000000000001"));
    public static readonly TenantId OtherTenant = new(Guid.Parse("0b1c0000-0000-4000-8000-000000000002"));

    public static readonly ShopId TmallShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000001"));
    public static readonly ShopId JdShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000002"));
    public static readonly ShopId AlibabaShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000003"));
    public static readonly ShopId OtherShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000009"));

    public static readonly RegionId EastRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000001"));
    public static readonly RegionId SouthRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000002"));
    public static readonly RegionId NorthRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000003"));

    public static readonly TeamId TmallSales = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000001"));
    public static readonly TeamId JdSales = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000002"));
    public static readonly TeamId Service = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000003"));

    public static readonly UserId Admin = User(1);
    public static readonly UserId Manager = User(2);
    public static readonly UserId Rep1 = User(3);
    public static readonly UserId Rep2 = User(4);
    public static readonly UserId Dispatcher = User(5);
    public static readonly UserId Tech1 = User(6);
    public static readonly UserId Tech2 = User(7);
    public static readonly UserId Finance = User(8);
    public static readonly UserId OtherAdmin = User(9);

    /// <summary>Demo customers are numbered 1..<see cref="CustomerCount"/>; the other company's from 1001.</summary>
    public const int CustomerCount = 60;

    /// <summary>Demo opportunities are numbered 1..<see cref="OpportunityCount"/>; the other company's from 1001.</summary>
    public const int OpportunityCount = 200;

    /// <summary>rep1, Tmall, Lead, followed up two hours before seeding: not stale, nothing filled in yet.</summary>
    public static readonly OpportunityId Rep1FreshLead = Opportunity(1);

    /// <summary>rep1, Tmall, Needs analysis without a needs summary: dropping it on Proposal asks for one.</summary>
    public static readonly OpportunityId Rep1NeedsAnalysisWithoutSummary = Opportunity(2);

    /// <summary>rep1, Tmall, Proposal with amount 0 (not quoted yet): dropping it on Negotiation asks for an amount.</summary>
    public static readonly OpportunityId Rep1ProposalWithoutAmount = Opportunity(3);

    /// <summary>rep1, Tmall, First contact, last follow-up twelve days before seeding: stale.</summary>
    public static readonly OpportunityId Rep1Stale = Opportunity(4);

    /// <summary>rep2, JD, Negotiation, 268,000 CNY.</summary>
    public static readonly OpportunityId Rep2Negotiation = Opportunity(5);

    /// <summary>rep2, JD, Won (closed five days before seeding), with an after-sales follow-up.</summary>
    public static readonly OpportunityId Rep2Won = Opportunity(6);

    /// <summary>rep2, JD, Lost with a reason: only a manager can reopen it.</summary>
    public static readonly OpportunityId Rep2Lost = Opportunity(7);

    /// <summary>manager, 1688 shop, Proposal, 420,000 CNY.</summary>
    public static readonly OpportunityId ManagerWholesaleProposal = Opportunity(8);

    /// <summary>The other company's opportunity (isolation tests).</summary>
    public static readonly OpportunityId OtherTenantOpportunity = Opportunity(1001);

    /// <summary>New, unassigned, normal priority, Tmall customer: the dispatcher's first job (end-to-end tests assign it).</summary>
    public static readonly WorkOrderId NewInstallation = WorkOrder(1);

    /// <summary>New, unassigned, urgent, requested six hours before seeding: overdue.</summary>
    public static readonly WorkOrderId NewOverdueRepair = WorkOrder(2);

    /// <summary>Assigned to tech1, not checked in yet.</summary>
    public static readonly WorkOrderId Tech1Assigned = WorkOrder(3);

    /// <summary>Completed by tech1 the day before seeding: waiting for the follow-up visit.</summary>
    public static readonly WorkOrderId Tech1Completed = WorkOrder(4);

    /// <summary>The other company's work order (isolation tests).</summary>
    public static readonly WorkOrderId OtherTenantWorkOrder = WorkOrder(1001);

    public static WorkOrderId WorkOrder(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8009-{n:000000000000}"));

    public static CustomerId Customer(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8005-{n:000000000000}"));

    public static ContactId Contact(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8006-{n:000000000000}"));

    public static OpportunityId Opportunity(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8007-{n:000000000000}"));

    public static FollowUpId FollowUp(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8008-{n:000000000000}"));

    /// <summary>A pending claim: rep2 asks for pool customer 18.</summary>
    public static readonly Domain.Approvals.ApprovalRequestId Rep2PendingClaim = ApprovalRequest(1);

    /// <summary>The other company's pending request (isolation tests).</summary>
    public static readonly Domain.Approvals.ApprovalRequestId OtherTenantRequest = ApprovalRequest(1001);

    public static Domain.Approvals.ApprovalRequestId ApprovalRequest(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8009-{n:000000000000}"));

    /// <summary>rep1, Tmall, return and refund of damaged pallets, pending approval.</summary>
    public static readonly Domain.AfterSales.AfterSalesRequestId Rep1PendingReturn = AfterSalesRequest(1);

    /// <summary>rep2, JD, return and refund approved by the manager: its pickup work order and a refund due.</summary>
    public static readonly Domain.AfterSales.AfterSalesRequestId Rep2ApprovedReturn = AfterSalesRequest(4);

    /// <summary>The other company's pending request (isolation tests).</summary>
    public static readonly Domain.AfterSales.AfterSalesRequestId OtherTenantAfterSales = AfterSalesRequest(1001);

    public static Domain.AfterSales.AfterSalesRequestId AfterSalesRequest(int n) => new(Guid.Parse($"0b1c0000-0000-4000-800a-{n:000000000000}"));

    private static UserId User(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8004-{n:000000000000}"));
}
