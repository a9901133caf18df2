using Bunit;
using Crm.Domain.Service;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class ServiceSettingsPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Admin);
    }

    [Fact]
    public void WhenTheAdminOpensThePage_TheHoursInForceAreShown()
    {
        var host = RenderWithPopovers<ServiceSettingsPage>();

        host.WaitForAssertion(() => Hours(host, "Urgent").ShouldBe("4"));
        Hours(host, "Low").ShouldBe("72");
    }

    [Fact]
    public async Task WhenTheHoursAreOutOfOrder_TheAdminIsToldWhyAndNothingIsSaved()
    {
        var host = RenderWithPopovers<ServiceSettingsPage>();
        host.WaitForAssertion(() => Hours(host, "Urgent").ShouldBe("4"));

        await Renderer.Dispatcher.InvokeAsync(() => host.Find("input[data-testid=service-settings-Urgent]").Change("30"));
        await ClickAsync(host, "[data-testid=service-settings-save]");

        host.WaitForAssertion(() => host.Find("[data-testid=service-settings-error]").TextContent
            .ShouldContain("A more urgent priority cannot be given more hours than a less urgent one."));
        Hours(host, "Urgent").ShouldBe("30", "what the admin typed is kept to correct");
        await using var db = Database.OpenDemo();
        (await TenantSettings.SlaAsync(db)).ShouldBe(SlaPolicy.Default);
    }

    [Fact]
    public async Task WhenValidHoursAreSaved_TheyAreStoredAndConfirmed()
    {
        var host = RenderWithPopovers<ServiceSettingsPage>();
        host.WaitForAssertion(() => Hours(host, "Urgent").ShouldBe("4"));

        await Renderer.Dispatcher.InvokeAsync(() => host.Find("input[data-testid=service-settings-Urgent]").Change("2"));
        await ClickAsync(host, "[data-testid=service-settings-save]");

        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Service levels saved."));
        await using var db = Database.OpenDemo();
        (await TenantSettings.SlaAsync(db)).UrgentHours.ShouldBe(2);
    }

    private static string? Hours(IRenderedComponent<WithPopovers> host, string priority) =>
        host.Find($"input[data-testid=service-settings-{priority}]").GetAttribute("value");
}
