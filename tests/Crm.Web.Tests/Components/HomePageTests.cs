using Bunit;
using Crm.Web.Features.Home;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class HomePageTests : ComponentTestBase
{
    [Fact]
    public void WhenHeadOfficeOpensHome_TheWorkspaceSaysWhoAndWhere()
    {
        SignIn(DemoUsers.Admin);

        var cut = Render<HomePage>();

        cut.Find("[data-testid=home-title]").TextContent.ShouldBe("Welcome, Zhou Qiang");
        cut.Find("[data-testid=home-company]").TextContent.ShouldBe(DemoUsers.DemoTenantName);
        cut.Find("[data-testid=home-roles]").TextContent.ShouldBe("Administrator");
        cut.Find("[data-testid=home-shops]").TextContent.ShouldBe("All shops (head office)");
    }

    [Fact]
    public async Task WhenARepsShopsAndNotificationsArrive_HomeShowsBoth()
    {
        SignIn(DemoUsers.Rep1);
        var cut = Render<HomePage>();
        cut.Find("[data-testid=home-unread]").TextContent.ShouldBe("0 unread");

        await Task.Run(() =>
        {
            Store.Dispatch(new LoadShopsSucceededAction([new(Crm.Infrastructure.Seeding.DemoIds.TmallShop, "天猫旗舰店 Tmall Flagship")]));
            Store.Dispatch(new NotificationReceivedRemotelyAction(Samples.Notification()));
        });

        cut.WaitForAssertion(() => cut.Find("[data-testid=home-shops]").TextContent.ShouldBe("天猫旗舰店 Tmall Flagship"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=home-unread]").TextContent.ShouldBe("1 unread"));
    }
}
