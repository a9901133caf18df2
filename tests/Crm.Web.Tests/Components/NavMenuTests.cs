using Bunit;
using Crm.Domain.Organization;
using Crm.Web.Components.Layout;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class NavMenuTests : ComponentTestBase
{
    [Fact]
    public void WhenAnAdminIsSignedIn_TheUsersLinkIsShown()
    {
        SignIn(DemoUsers.Admin);

        var cut = Render<NavMenu>();

        var link = cut.Find("[data-testid=nav-admin-users]");
        link.GetAttribute("href").ShouldBe("/admin/users");
        link.TextContent.ShouldContain("Users");
        cut.Markup.ShouldContain("Administration");
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.Dispatcher)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Finance)]
    public void WhenAnotherRoleIsSignedIn_TheUsersLinkIsHidden(string role)
    {
        SignIn(DemoUsers.Rep1 with { Role = role });

        var cut = Render<NavMenu>();

        cut.FindAll("[data-testid=nav-admin-users]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("Administration");
        cut.Find("[data-testid=nav-home]").TextContent.ShouldContain("Home");
    }

    [Theory]
    [InlineData(Roles.SalesRep, "nav-aftersales", "nav-refunds")]
    [InlineData(Roles.Finance, "nav-aftersales nav-refunds", "nav-service-dashboard")]
    [InlineData(Roles.Technician, "nav-my-work-orders", "nav-aftersales")]
    [InlineData(Roles.Dispatcher, "nav-aftersales nav-service-dashboard", "nav-refunds")]
    public void TheAfterSalesGroup_HoldsTheServicePagesEachRoleMayOpen(string role, string shown, string hidden)
    {
        SignIn(DemoUsers.Rep1 with { Role = role });

        var cut = Render<NavMenu>();

        var group = cut.FindAll(".mud-nav-group").Single(g => g.TextContent.Contains("After-sales", StringComparison.Ordinal));
        foreach (var id in shown.Split(' '))
        {
            group.QuerySelector($"[data-testid={id}]").ShouldNotBeNull(id);
        }

        cut.FindAll($"[data-testid={hidden}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenNobodyIsSignedIn_OnlyHomeIsShown()
    {
        var cut = Render<NavMenu>();

        cut.FindAll("[data-testid=nav-admin-users]").ShouldBeEmpty();
        cut.FindAll("[data-testid=nav-home]").ShouldHaveSingleItem();
    }

    [Fact]
    public void WhenTheAdminReadsChinese_TheMenuIsInChinese()
    {
        UseCulture("zh-CN");
        SignIn(DemoUsers.Admin);

        var cut = Render<NavMenu>();

        cut.Find("[data-testid=nav-home]").TextContent.ShouldContain("首页");
        cut.Find("[data-testid=nav-admin-users]").TextContent.ShouldContain("用户");
        cut.Markup.ShouldContain("系统管理");
    }
}
