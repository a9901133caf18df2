using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Identity;

/// <summary>Identity's UserManager over the real EF store on SQLite.</summary>
public sealed class UserManagerStoreTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task WhenAUserIsCreated_ItIsFoundByEmailWithItsTenantAndPassword()
    {
        var created = await TestUsers.CreateAsync(database, DemoIds.OtherTenant, "Buyer.One@Other.Local");

        await using var scope = database.OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var found = await users.FindByEmailAsync("buyer.one@other.local");

        found.ShouldNotBeNull();
        found.Id.ShouldBe(created.Id);
        found.TenantId.ShouldBe(DemoIds.OtherTenant);
        found.DisplayName.ShouldBe("Test User");
        (await users.CheckPasswordAsync(found, TestUsers.Password)).ShouldBeTrue();
        (await users.CheckPasswordAsync(found, "wrong-password")).ShouldBeFalse();
        (await users.GetRolesAsync(found)).ShouldBe([Roles.SalesRep]);
    }

    [Fact]
    public async Task WhenTheEmailIsTaken_CreationFails()
    {
        await using var scope = database.OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var duplicate = new CrmUser
        {
            Id = Guid.NewGuid(),
            TenantId = DemoIds.OtherTenant,
            UserName = "REP1@demo.local",
            Email = "REP1@demo.local",
            DisplayName = "Impostor",
        };

        var result = await users.CreateAsync(duplicate, TestUsers.Password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Code).ShouldContain(nameof(IdentityErrorDescriber.DuplicateUserName));
    }

    [Fact]
    public async Task WhenTheScopeBelongsToAnotherTenant_TheUserIsNotFound()
    {
        await using var scope = database.OpenScope(DemoIds.OtherTenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();

        (await users.FindByEmailAsync("rep1@demo.local")).ShouldBeNull();
        (await users.FindByIdAsync(DemoIds.Rep1.Value.ToString())).ShouldBeNull();
        (await users.FindByEmailAsync("admin@other.local")).ShouldNotBeNull();
    }

    [Fact]
    public async Task WhenAdminsAreListedInATenantScope_OnlyThatTenantsAdminsAppear()
    {
        await using var scope = database.OpenScope(DemoIds.OtherTenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);

        admins.Select(a => a.Id).ShouldBe([DemoIds.OtherAdmin.Value]);
    }
}
