using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Identity;

/// <summary>A disabled user may not sign in, even with the right password.</summary>
public sealed class CrmUserConfirmationTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task WhenTheUserIsDisabled_IsNotConfirmed()
    {
        var user = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        user.IsDisabled = true;
        await using var scope = database.OpenScope();

        (await new CrmUserConfirmation().IsConfirmedAsync(scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>(), user)).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenTheUserIsEnabled_IsConfirmed()
    {
        var user = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await using var scope = database.OpenScope();

        (await new CrmUserConfirmation().IsConfirmedAsync(scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>(), user)).ShouldBeTrue();
    }

    [Fact]
    public async Task WhenADisabledUserSignsInWithTheRightPassword_SignInIsNotAllowed()
    {
        var user = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await DisableAsync(user.Id);
        await using var scope = database.OpenScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CrmUser>>();
        var stored = await signIn.UserManager.FindByIdAsync(user.Id.ToString());

        var result = await signIn.CheckPasswordSignInAsync(stored!, TestUsers.Password, lockoutOnFailure: true);

        result.Succeeded.ShouldBeFalse();
        result.IsNotAllowed.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenAnEnabledUserSignsInWithTheRightPassword_SignInSucceeds()
    {
        var user = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await using var scope = database.OpenScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CrmUser>>();

        (await signIn.CheckPasswordSignInAsync(user, TestUsers.Password, lockoutOnFailure: true)).Succeeded.ShouldBeTrue();
    }

    private async Task DisableAsync(Guid userId)
    {
        await using var scope = database.OpenScope(DemoIds.DemoTenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        user!.IsDisabled = true;
        TestUsers.Succeeded(await users.UpdateAsync(user));
    }
}
