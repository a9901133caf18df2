using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Seeding;

/// <summary>The demo seeding on a freshly migrated file: the documented users, twice over without duplicates.</summary>
public sealed class DemoSeedingTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    public static TheoryData<string> DemoEmails => new()
    {
        "admin@demo.local", "manager@demo.local", "rep1@demo.local", "rep2@demo.local", "dispatcher@demo.local",
        "tech1@demo.local", "tech2@demo.local", "finance@demo.local", "admin@other.local",
    };

    public Task InitializeAsync() => DemoSeeding.SeedAsync(database.Services);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WhenSeededAgain_EveryTableKeepsItsRowCount()
    {
        var before = await RowCountsAsync();

        await DemoSeeding.SeedAsync(database.Services);
        await DemoSeeding.SeedAsync(database.Services);

        var after = await RowCountsAsync();
        after.ShouldBe(before);
        before["Tenants"].ShouldBe(2);
        before["AspNetUsers"].ShouldBe(9);
        before["AspNetRoles"].ShouldBe(Roles.All.Count);
    }

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task WhenSeeded_TheDemoUserSignsInWithTheDemoPassword(string email)
    {
        await using var scope = database.OpenScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CrmUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email);

        user.ShouldNotBeNull();
        (await signIn.CheckPasswordSignInAsync(user, DemoSeeding.DemoPassword, lockoutOnFailure: false)).Succeeded.ShouldBeTrue();
        (await signIn.UserManager.GetRolesAsync(user)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WhenSeeded_TheDemoTenantHasItsShopsRegionsTeamsAndWelcomeNotifications()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);

        var tenant = await db.Tenants.Include(t => t.Shops).Include(t => t.Regions).Include(t => t.Teams).AsSplitQuery().SingleAsync();
        tenant.Code.ShouldBe("huayu");
        tenant.Shops.Select(s => s.Id).ShouldBe([DemoIds.TmallShop, DemoIds.JdShop, DemoIds.AlibabaShop], ignoreOrder: true);
        tenant.Regions.Count.ShouldBe(3);
        tenant.Teams.Count.ShouldBe(3);
        (await db.Notifications.CountAsync()).ShouldBe(8);
        (await db.Notifications.Select(n => n.CreatedAt).Distinct().ToListAsync()).ShouldBe([database.Clock.GetUtcNow()]);
    }

    private async Task<Dictionary<string, int>> RowCountsAsync()
    {
        await using var db = database.CreateSystem();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
#pragma warning disable EF1003 // The table name comes from the model, not from input.
            counts[table] = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync();
#pragma warning restore EF1003
        }

        return counts;
    }
}
