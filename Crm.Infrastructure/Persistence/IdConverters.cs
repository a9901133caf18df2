using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Notifications;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Infrastructure.Persistence;

internal static class IdConverters
{
    public static void Register(ModelConfigurationBuilder builder)
    {
        builder.Properties<TenantId>().HaveConversion<TenantIdConverter>();
        builder.Properties<ShopId>().HaveConversion<ShopIdConverter>();
        builder.Properties<TeamId>().HaveConversion<TeamIdConverter>();
        builder.Properties<RegionId>().HaveConversion<RegionIdConverter>();
        builder.Properties<UserId>().HaveConversion<UserIdConverter>();
        builder.Properties<NotificationId>().HaveConversion<NotificationIdConverter>();
        builder.Properties<CustomerId>().HaveConversion<CustomerIdConverter>();
        builder.Properties<ContactId>().HaveConversion<ContactIdConverter>();
        builder.Properties<CustomerFollowUpId>().HaveConversion<CustomerFollowUpIdConverter>();
        builder.Properties<OpportunityId>().HaveConversion<OpportunityIdConverter>();
        builder.Properties<FollowUpId>().HaveConversion<FollowUpIdConverter>();
        builder.Properties<StageChangeId>().HaveConversion<StageChangeIdConverter>();
        builder.Properties<Domain.Approvals.ApprovalRequestId>().HaveConversion<ApprovalRequestIdConverter>();
        builder.Properties<WorkOrderId>().HaveConversion<WorkOrderIdConverter>();
        builder.Properties<WorkOrderStatusChangeId>().HaveConversion<WorkOrderStatusChangeIdConverter>();
        builder.Properties<LeadId>().HaveConversion<LeadIdConverter>();
        builder.Properties<LeadStatusChangeId>().HaveConversion<LeadStatusChangeIdConverter>();
        builder.Properties<Domain.AfterSales.AfterSalesRequestId>().HaveConversion<AfterSalesRequestIdConverter>();
        builder.Properties<Domain.AfterSales.RefundId>().HaveConversion<RefundIdConverter>();
    }

    private sealed class TenantIdConverter() : ValueConverter<TenantId, Guid>(v => v.Value, v => new TenantId(v));

    private sealed class ShopIdConverter() : ValueConverter<ShopId, Guid>(v => v.Value, v => new ShopId(v));

    private sealed class TeamIdConverter() : ValueConverter<TeamId, Guid>(v => v.Value, v => new TeamId(v));

    private sealed class RegionIdConverter() : ValueConverter<RegionId, Guid>(v => v.Value, v => new RegionId(v));

    private sealed class UserIdConverter() : ValueConverter<UserId, Guid>(v => v.Value, v => new UserId(v));

    private sealed class NotificationIdConverter() : ValueConverter<NotificationId, Guid>(v => v.Value, v => new NotificationId(v));

    private sealed class CustomerIdConverter() : ValueConverter<CustomerId, Guid>(v => v.Value, v => new CustomerId(v));

    private sealed class ContactIdConverter() : ValueConverter<ContactId, Guid>(v => v.Value, v => new ContactId(v));

    private sealed class CustomerFollowUpIdConverter() : ValueConverter<CustomerFollowUpId, Guid>(v => v.Value, v => new CustomerFollowUpId(v));

    private sealed class OpportunityIdConverter() : ValueConverter<OpportunityId, Guid>(v => v.Value, v => new OpportunityId(v));

    private sealed class FollowUpIdConverter() : ValueConverter<FollowUpId, Guid>(v => v.Value, v => new FollowUpId(v));

    private sealed class ApprovalRequestIdConverter()
        : ValueConverter<Domain.Approvals.ApprovalRequestId, Guid>(v => v.Value, v => new Domain.Approvals.ApprovalRequestId(v));

    private sealed class StageChangeIdConverter() : ValueConverter<StageChangeId, Guid>(v => v.Value, v => new StageChangeId(v));

    private sealed class WorkOrderIdConverter() : ValueConverter<WorkOrderId, Guid>(v => v.Value, v => new WorkOrderId(v));

    private sealed class WorkOrderStatusChangeIdConverter() : ValueConverter<WorkOrderStatusChangeId, Guid>(v => v.Value, v => new WorkOrderStatusChangeId(v));

    private sealed class LeadIdConverter() : ValueConverter<LeadId, Guid>(v => v.Value, v => new LeadId(v));

    private sealed class LeadStatusChangeIdConverter() : ValueConverter<LeadStatusChangeId, Guid>(v => v.Value, v => new LeadStatusChangeId(v));

    private sealed class AfterSalesRequestIdConverter()
        : ValueConverter<Domain.AfterSales.AfterSalesRequestId, Guid>(v => v.Value, v => new Domain.AfterSales.AfterSalesRequestId(v));

    private sealed class RefundIdConverter() : ValueConverter<Domain.AfterSales.RefundId, Guid>(v => v.Value, v => new Domain.AfterSales.RefundId(v));
}
