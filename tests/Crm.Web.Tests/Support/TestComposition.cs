using Crm.Infrastructure.Realtime;
using Crm.Web.Components;
using Crm.Web.Features.Approvals;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Opportunities;
using Crm.Web.Features.Shell;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Support;

/// <summary>The parts of CrmServices.AddCrm that tests compose the same way: the use cases and the live engine.</summary>
public static class TestComposition
{
    /// <summary>The app's use cases (commands), as CrmServices registers them.</summary>
    public static IServiceCollection AddUseCases(IServiceCollection services)
    {
        services.AddScoped<ShellCommands>();
        services.AddScoped<NotificationCommands>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PipelineSettingsCommands>();
        services.AddScoped<OpportunityCommands>();
        services.AddScoped<OpportunityDetailCommands>();
        services.AddScoped<WorkOrderCommands>();
        services.AddScoped<RuleMessages>();
        services.AddScoped<ApprovalCommands>();
        services.AddScoped<PoolSettingsCommands>();
        services.AddScoped<ServiceSettingsCommands>();
        services.AddScoped<Crm.Web.Features.Pool.PoolCommands>();
        services.AddSingleton<Crm.Web.Features.Approvals.IApprovalOutcome, Crm.Web.Features.Pool.PoolClaimOutcome>();
        services.AddScoped<Crm.Web.Features.Leads.LeadCommands>();
        services.AddScoped<Crm.Web.Features.AfterSales.AfterSalesCommands>();
        services.AddSingleton<Crm.Web.Features.Approvals.IApprovalOutcome, Crm.Web.Features.AfterSales.ReturnApprovalOutcome>();
        Crm.Web.Features.Customers.CustomersSlice.AddCustomers(services);
        return services;
    }

    /// <summary>
    /// The live engine without its hosted services (sweep, reminders, hub relay): saves write outbox rows and
    /// publish them on an in-process feed, as in the app; presence is tracked in memory.
    /// </summary>
    public static IServiceCollection AddLiveBoards(IServiceCollection services)
    {
        services.AddSingleton<IBoardFeed>(_ => new InProcessBoardFeed());
        services.AddSingleton<BoardOutbox>();
        services.AddSingleton<IBoardProjector, OpportunityBoardProjector>();
        services.AddSingleton<IBoardProjector, WorkOrderBoardProjector>();
        services.AddSingleton<IBoardProjector, NotificationProjector>();
        services.AddSingleton<IPresenceStore, LocalPresenceStore>();
        services.AddSingleton<IBoardProjector, ApprovalBoardProjector>();
        services.AddSingleton<ISaveReaction, ApprovalNotifications>();
        services.AddSingleton<PresenceTracker>();
        return services;
    }

    /// <summary>The circuit's live links, which dispatch into the circuit's store.</summary>
    public static IServiceCollection AddLiveLinks(IServiceCollection services)
    {
        CrmServices.AddLiveLinks(services);
        return services;
    }
}
