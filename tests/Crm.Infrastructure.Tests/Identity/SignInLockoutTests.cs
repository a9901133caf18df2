using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Identity;

/// <summary>Five wrong passwords lock an account for fifteen minutes (the options of CrmServices).</summary>
public sealed class SignInLockoutTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task WhenFourPasswordsAreWrong_TheAccountIsNotLockedAndTheRightPasswordStillWorks()
    {
        var created = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await using var scope = database.OpenScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CrmUser>>();
        var user = (await signIn.UserManager.FindByIdAsync(created.Id.ToString())).ShouldNotBeNull();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            (await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true)).Succeeded.ShouldBeFalse();
        }

        (await signIn.UserManager.IsLockedOutAsync(user)).ShouldBeFalse();
        (await signIn.CheckPasswordSignInAsync(user, TestUsers.Password, lockoutOnFailure: true)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenFivePasswordsAreWrong_TheAccountIsLockedEvenForTheRightPassword()
    {
        var created = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await using var scope = database.OpenScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CrmUser>>();
        var user = (await signIn.UserManager.FindByIdAsync(created.Id.ToString())).ShouldNotBeNull();

        SignInResult last = SignInResult.Failed;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await signIn.CheckPasswordSignInAsync(user, "wrong-password", lockoutOnFailure: true);
        }

        last.IsLockedOut.ShouldBeTrue();
        (await signIn.CheckPasswordSignInAsync(user, TestUsers.Password, lockoutOnFailure: true)).IsLockedOut.ShouldBeTrue();
        await using var fresh = database.OpenScope();
        var users = fresh.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString())).ShouldNotBeNull();
        (await users.IsLockedOutAsync(stored)).ShouldBeTrue();
    }

    [Fact]
    public async Task WhenAccessFailsFiveTimes_TheUserManagerLocksTheAccountForFifteenMinutes()
    {
        var created = await TestUsers.CreateAsync(database, DemoIds.DemoTenant);
        await using var scope = database.OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString())).ShouldNotBeNull();
        var before = DateTimeOffset.UtcNow;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            TestUsers.Succeeded(await users.AccessFailedAsync(user));
        }

        (await users.IsLockedOutAsync(user)).ShouldBeTrue();
        var end = (await users.GetLockoutEndDateAsync(user)).ShouldNotBeNull();
        end.ShouldBeGreaterThanOrEqualTo(before.AddMinutes(15).AddSeconds(-1));
        end.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(1));
    }
}
