using Crm.Domain.Service;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Features;

/// <summary>The administrator sets the SLA hours; the dispatcher's next work order is due by them. Real SQLite demo data.</summary>
public sealed class ServiceSettingsCommandsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task WhenTheAdminShortensTheUrgentHours_TheNextUrgentWorkOrderIsDueSooner()
    {
        _app.SignIn(DemoUsers.Admin);
        await _app.Get<ServiceSettingsCommands>().SaveAsync(new ServiceSettingsInput(2, 12, 36, 96));
        await using var dispatcher = _app.OpenCircuit(DemoUsers.Dispatcher);

        var outcome = await dispatcher.ServiceProvider.GetRequiredService<WorkOrderCommands>().OpenAsync(
            new NewWorkOrder(DemoIds.Customer(3).Value, WorkOrderType.Repair, WorkOrderPriority.Urgent, "上海市青浦区华志路 1588 号", "Racking collapsed."));

        outcome.Done.ShouldNotBeNull().SlaDueAt.ShouldBe(_app.Clock.GetUtcNow().AddHours(2));
        (await _app.Get<ServiceSettingsCommands>().LoadAsync()).ShouldBe(new ServiceSettingsInput(2, 12, 36, 96));
    }

    [Fact]
    public async Task WhenAMoreUrgentPriorityGetsMoreHours_TheSaveIsRefusedAndTheHoursStay()
    {
        _app.SignIn(DemoUsers.Admin);

        var refusal = await Should.ThrowAsync<Domain.Common.DomainRuleViolation>(
            () => _app.Get<ServiceSettingsCommands>().SaveAsync(new ServiceSettingsInput(30, 24, 48, 72)));

        refusal.Code.ShouldBe("sla.priority-order");
        await using var db = _app.Database.OpenDemo();
        (await TenantSettings.SlaAsync(db)).ShouldBe(SlaPolicy.Default);
    }

    [Fact]
    public async Task WhenADispatcherTriesToChangeTheHours_TheyAreRefused()
    {
        _app.SignIn(DemoUsers.Dispatcher);

        var refusal = await Should.ThrowAsync<Domain.Common.DomainRuleViolation>(
            () => _app.Get<ServiceSettingsCommands>().SaveAsync(new ServiceSettingsInput(1, 2, 3, 4)));

        refusal.Code.ShouldBe("service-settings.admin-only");
    }
}
