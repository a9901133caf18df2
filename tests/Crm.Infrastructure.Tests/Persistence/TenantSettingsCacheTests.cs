using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>The pipeline rules a move reads come from a per-database cache that a save of the tenant's rules clears.</summary>
public sealed class TenantSettingsCacheTests(TwoTenantDatabase database) : IClassFixture<TwoTenantDatabase>
{
    [Fact]
    public async Task WhenAnAdminSavesNewPipelineRules_TheNextReadHasThem()
    {
        await using (var before = database.CreateFor(DemoIds.OtherTenant))
        {
            (await TenantSettings.PipelineAsync(before)).StaleRule.ShouldBe(StaleRule.Default);
        }

        var changed = PipelineSettings.Default with { StaleRule = StaleRule.Create(3) };
        await using (var admin = database.CreateFor(DemoIds.OtherTenant))
        {
            var tenant = await admin.Tenants.SingleAsync();
            tenant.ConfigurePipeline(changed, database.Clock.GetUtcNow());
            await admin.SaveChangesAsync();
        }

        await using var after = database.CreateFor(DemoIds.OtherTenant);
        (await TenantSettings.PipelineAsync(after)).ShouldBe(changed);
    }

    [Fact]
    public async Task WhenTwoTenantsReadTheirRules_EachGetsItsOwn()
    {
        var own = PipelineSettings.Default with { StaleRule = StaleRule.Create(11) };
        await using (var admin = database.CreateFor(DemoIds.DemoTenant))
        {
            var tenant = await admin.Tenants.SingleAsync();
            tenant.ConfigurePipeline(own, database.Clock.GetUtcNow());
            await admin.SaveChangesAsync();
        }

        await using var demo = database.CreateFor(DemoIds.DemoTenant);
        await using var other = database.CreateFor(DemoIds.OtherTenant);
        (await TenantSettings.PipelineAsync(demo)).ShouldBe(own);
        (await TenantSettings.PipelineAsync(other)).StaleRule.ShouldNotBe(own.StaleRule);
        (await TenantSettings.PipelineAsync(demo)).ShouldBe(own, "read again, from the cache");
    }
}
