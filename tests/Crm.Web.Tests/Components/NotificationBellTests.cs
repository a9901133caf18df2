using AngleSharp.Dom;
using Bunit;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components.Layout;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

public sealed class NotificationBellTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // The demo seed gave the admin one unread welcome; add two unread and one read.
        await using var db = Database.OpenDemo();
        var now = Clock.GetUtcNow();
        db.Notifications.Add(Notification.Send(DemoIds.DemoTenant, DemoIds.Admin, "Notification.Welcome", ["second"], "/admin/users", now));
        db.Notifications.Add(Notification.Send(DemoIds.DemoTenant, DemoIds.Admin, "Notification.Welcome", ["third"], null, now.AddMinutes(1)));
        var read = Notification.Send(DemoIds.DemoTenant, DemoIds.Admin, "Notification.Welcome", ["read"], null, now.AddMinutes(-1));
        read.MarkRead(now);
        db.Notifications.Add(read);
        await db.SaveChangesAsync();
        SignIn(DemoUsers.Admin);
    }

    [Fact]
    public async Task WhenNotificationsLoad_TheBadgeShowsTheUnreadCount()
    {
        var host = RenderWithPopovers<NotificationBell>();

        await DispatchOnRendererAsync(new LoadNotificationsAction());

        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("3"));
    }

    [Fact]
    public async Task WhenMarkAllReadIsClicked_TheBadgeClearsAndTheNotificationsAreSavedAsRead()
    {
        var host = RenderWithPopovers<NotificationBell>();
        await DispatchOnRendererAsync(new LoadNotificationsAction());
        host.WaitForAssertion(() => Badge(host).ShouldNotBeNull());

        var saved = Saves.NextSaveAsync();

        await OpenMenuAsync(host);
        await ClickAsync(host, "[data-testid=notifications-mark-all]");

        host.WaitForAssertion(() => Badge(host).ShouldBeNull());
        await saved;
        (await CountUnreadInDatabaseAsync()).ShouldBe(0);
        host.Find("[data-testid=notifications-mark-all]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTheMenuOpens_EachNotificationIsWordedFromItsResourceWithItsArguments()
    {
        var host = RenderWithPopovers<NotificationBell>();
        await DispatchOnRendererAsync(new LoadNotificationsAction());
        host.WaitForAssertion(() => Badge(host).ShouldNotBeNull());

        await OpenMenuAsync(host);

        host.Markup.ShouldContain("Welcome to Crm, Zhou Qiang! Your workspace is ready.");
        host.Markup.ShouldContain("Welcome to Crm, second! Your workspace is ready.");
    }

    [Fact]
    public async Task WhenANotificationIsClicked_ItIsMarkedReadAndTheAppGoesToItsLink()
    {
        var host = RenderWithPopovers<NotificationBell>();
        await DispatchOnRendererAsync(new LoadNotificationsAction());
        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("3"));
        var withLink = Store.GetState<NotificationsState>().Value.Items.Single(i => i.Arguments.Contains("second"));

        var saved = Saves.NextSaveAsync();

        await OpenMenuAsync(host);
        await ClickAsync(host, $"[data-testid=notification-{withLink.Id.Value}]");

        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("2"));
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/admin/users");
        await saved;
        (await CountUnreadInDatabaseAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task WhenANotificationArrivesOnABackgroundThread_TheBellRerendersWithIt()
    {
        var host = RenderWithPopovers<NotificationBell>();
        var failures = new List<Exception>();
        Store.UnhandledException += (_, e) => failures.Add(e);

        await Task.Run(() => Store.Dispatch(new NotificationReceivedRemotelyAction(Samples.Notification(name: "live"))));

        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("1"));
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenManyNotificationsArriveOnBackgroundThreads_TheBellCountsThemAll()
    {
        var host = RenderWithPopovers<NotificationBell>();

        await Task.Run(() => Parallel.For(0, 50, _ => Store.Dispatch(new NotificationReceivedRemotelyAction(Samples.Notification()))));

        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("50"));
    }

    [Fact]
    public async Task WhenTheSameNotificationArrivesAgain_TheBellDoesNotRerender()
    {
        var host = RenderWithPopovers<NotificationBell>();
        var bell = host.FindComponent<NotificationBell>();
        var live = Samples.Notification(name: "live");
        await Task.Run(() => Store.Dispatch(new NotificationReceivedRemotelyAction(live)));
        host.WaitForAssertion(() => Badge(host)?.TextContent.ShouldBe("1"));
        var renders = bell.RenderCount;

        await Task.Run(() => Store.Dispatch(new NotificationReceivedRemotelyAction(live)));
        await RendererIdleAsync();

        bell.RenderCount.ShouldBe(renders);
    }

    [Fact]
    public async Task WhenAFeatureTheBellDoesNotReadChanges_TheBellDoesNotRerender()
    {
        var host = RenderWithPopovers<NotificationBell>();
        var bell = host.FindComponent<NotificationBell>();
        var renders = bell.RenderCount;

        await Task.Run(() => Store.Dispatch(new ToggleDarkModeAction()));
        await RendererIdleAsync();

        Store.GetState<ShellState>().Value.IsDarkMode.ShouldBeTrue();
        bell.RenderCount.ShouldBe(renders);
    }

    [Fact]
    public async Task WhenNothingIsUnread_MarkAllReadIsDisabled()
    {
        var host = RenderWithPopovers<NotificationBell>();
        await DispatchOnRendererAsync(new LoadNotificationsSucceededAction([Samples.Notification(isRead: true)]));

        await OpenMenuAsync(host);

        Badge(host).ShouldBeNull();
        host.Find("[data-testid=notifications-mark-all]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task WhenThereAreNoNotifications_TheMenuSaysSo()
    {
        var host = RenderWithPopovers<NotificationBell>();

        await OpenMenuAsync(host);

        host.Find("[data-testid=notifications-empty]").TextContent.ShouldBe("No notifications yet.");
    }

    [Fact]
    public async Task WhenANotificationsArgumentsNoLongerFitItsText_TheBellStillShowsIt()
    {
        var host = RenderWithPopovers<NotificationBell>();
        var stale = Samples.Notification() with { Arguments = [] };
        await DispatchOnRendererAsync(new LoadNotificationsSucceededAction([stale]));

        await OpenMenuAsync(host);

        host.Find($"[data-testid=notification-{stale.Id.Value}]").TextContent.ShouldContain("Welcome to Crm, {0}! Your workspace is ready.");
    }

    [Fact]
    public async Task WhenTheUserReadsChinese_TheBellSpeaksChinese()
    {
        UseCulture("zh-CN");
        var host = RenderWithPopovers<NotificationBell>();
        await DispatchOnRendererAsync(new LoadNotificationsAction());
        host.WaitForAssertion(() => Badge(host).ShouldNotBeNull());

        await OpenMenuAsync(host);

        host.Find("[data-testid=notifications-mark-all]").TextContent.Trim().ShouldBe("全部已读");
        host.Markup.ShouldContain("欢迎使用 Crm，Zhou Qiang！您的工作台已准备就绪。");
    }

    [Theory]
    [InlineData("en", "Wang Fang rejected your request (Pool claim): 上海顺达物流有限公司. Comment: Not our region.")]
    [InlineData("zh-CN", "Wang Fang 驳回了您的申请（公海领取）：上海顺达物流有限公司。意见：Not our region.")]
    public async Task WhenAnApprovalStepIsShown_TheKindReadsInTheReadersLanguageAndNamesStayAsTheyAre(string culture, string text)
    {
        UseCulture(culture);
        var host = RenderWithPopovers<NotificationBell>();
        var item = Samples.Notification() with
        {
            MessageKey = "Notification.ApprovalRejected",
            Arguments = ["Wang Fang", "ApprovalKind.PoolClaim", "上海顺达物流有限公司", "Not our region."],
        };
        await DispatchOnRendererAsync(new LoadNotificationsSucceededAction([item]));

        await OpenMenuAsync(host);

        host.Find($"[data-testid=notification-{item.Id.Value}]").TextContent.ShouldContain(text);
    }

    private static IElement? Badge(IRenderedComponent<WithPopovers> host) =>
        host.FindAll("[data-testid=notification-count] .mud-badge").SingleOrDefault();

    private Task OpenMenuAsync(IRenderedComponent<WithPopovers> host) => ClickAsync(host, "[data-testid=notification-bell-button]");

    private async Task<int> CountUnreadInDatabaseAsync()
    {
        await using var db = Database.OpenDemo();
        return await db.Notifications.CountAsync(n => n.RecipientId == DemoIds.Admin && n.ReadAt == null);
    }
}
