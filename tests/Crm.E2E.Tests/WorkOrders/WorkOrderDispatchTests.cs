using System.Globalization;
using Crm.Domain.Service;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.WorkOrders;

/// <summary>
/// Three users at once: the dispatcher assigns a new work order to tech1, tech1 sees it and the
/// notification live, checks in and out; the dispatcher sees it completed live; the manager records
/// the follow-up visit and the service dashboard's figures change.
/// </summary>
public sealed class WorkOrderDispatchTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    private const string Dispatcher = "dispatcher@demo.local";
    private const string Tech1 = "tech1@demo.local";
    private const string Manager = "manager@demo.local";

    [Fact]
    public async Task WhenDispatcherAssignsNewOrderToTech1_Tech1ChecksInAndOut_ManagerClosesIt_EveryPageFollowsWithoutReload()
    {
        var order = DemoIds.NewInstallation.Value;
        var dispatcher = new DispatchBoardPage(await SignedInAsync(Dispatcher));
        await dispatcher.GotoAsync("view=technician");
        var tech1 = new MyWorkOrdersPage(await SignedInAsync(Tech1));
        await tech1.GotoAsync();
        var managerPage = await SignedInAsync(Manager);
        var dashboard = new ServiceDashboardPage(managerPage);
        await dashboard.GotoAsync();

        await Expect(dispatcher.CardIn("unassigned", order)).ToBeVisibleAsync();
        await Expect(dispatcher.Presence(Tech1)).ToBeVisibleAsync();
        await Expect(tech1.Order(order)).ToHaveCountAsync(0);
        var tech1Open = await dispatcher.LaneCountAsync(Tech1);
        var assigned = await ServiceDashboardPage.NumberAsync(dashboard.Assigned(Tech1));
        var completed = await ServiceDashboardPage.NumberAsync(dashboard.Completed(Tech1));
        var fives = await ServiceDashboardPage.NumberAsync(dashboard.Satisfaction(5));
        var open = await ServiceDashboardPage.NumberAsync(dashboard.Open);
        await dispatcher.MarkDocumentAsync();
        await tech1.Page.EvaluateAsync("() => { window.crmE2eMark = true; }");
        await managerPage.EvaluateAsync("() => { window.crmE2eMark = true; }");

        // The dispatcher drags the new order onto tech1's lane.
        await dispatcher.DragToTechnicianAsync(order, Tech1);

        await Expect(dispatcher.CardInLane(Tech1, order)).ToBeVisibleAsync();
        await Expect(dispatcher.LaneCount(Tech1)).ToHaveTextAsync(Text(tech1Open + 1));
        await Expect(tech1.Order(order)).ToBeVisibleAsync();
        await Expect(tech1.Status(order)).ToHaveTextAsync("Assigned");
        var shell = new ShellPage(tech1.Page);
        await shell.OpenNotificationsAsync();
        await Expect(shell.OpenMenu.GetByText("Chen Jing assigned you a work order", new() { Exact = false })).ToBeVisibleAsync();
        await tech1.Page.Keyboard.PressAsync("Escape");
        await Expect(dashboard.Assigned(Tech1)).ToHaveTextAsync(Text(assigned + 1));

        // tech1 checks in, writes the report and checks out (on a phone-sized screen).
        await tech1.Page.SetViewportSizeAsync(390, 844);
        await tech1.CheckIn(order).ClickAsync();
        await Expect(tech1.Status(order)).ToHaveTextAsync("In progress");
        await Expect(dispatcher.CardInLane(Tech1, order)).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(dispatcher.Page.GetByTestId($"card-status-{order}")).ToHaveTextAsync("In progress");
        await tech1.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-my-work-orders.png") });
        await tech1.CheckOutAsync(order, "Stacked 800 pallets and set up the racks with the warehouse team.", "2 × corner guards");
        await Expect(tech1.Status(order)).ToHaveTextAsync("Completed");

        // The dispatcher's board shows it in Completed; the dashboard counts it.
        await dispatcher.ShowStatusColumnsAsync();
        await Expect(dispatcher.CardIn("completed", order)).ToBeVisibleAsync();
        await Expect(dashboard.Completed(Tech1)).ToHaveTextAsync(Text(completed + 1));

        // The manager records the follow-up visit from the board; the dashboard (another tab) follows.
        var managerBoard = new DispatchBoardPage(await managerPage.Context.NewPageAsync());
        await managerBoard.GotoAsync();
        await Expect(managerBoard.CardIn("completed", order)).ToBeVisibleAsync();
        await managerBoard.RecordFollowUpAsync(order, 5, "Quick, tidy, explained everything.");
        await Expect(managerBoard.CardIn("closed", order)).ToBeVisibleAsync();
        await Expect(dashboard.Satisfaction(5)).ToHaveTextAsync(Text(fives + 1));
        await Expect(dashboard.Open).ToHaveTextAsync(Text(open - 1));
        await Expect(dispatcher.CardIn("closed", order)).ToBeVisibleAsync();

        (await dispatcher.IsSameDocumentAsync()).ShouldBeTrue("the dispatcher's board changed without a reload");
        (await tech1.Page.EvaluateAsync<bool>("() => window.crmE2eMark === true")).ShouldBeTrue("tech1's page changed without a reload");
        (await managerPage.EvaluateAsync<bool>("() => window.crmE2eMark === true")).ShouldBeTrue("the dashboard changed without a reload");

        await using var db = App.DemoDatabase();
        var stored = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == DemoIds.NewInstallation);
        stored.Status.ShouldBe(WorkOrderStatus.Closed);
        stored.TechnicianId.ShouldBe(DemoIds.Tech1);
        stored.Report!.PartsUsed.ShouldBe("2 × corner guards");
        stored.Satisfaction!.Score.ShouldBe(5);

        await dashboard.Page.SetViewportSizeAsync(1440, 900);
        await dashboard.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-service-dashboard.png") });
        await dispatcher.Page.SetViewportSizeAsync(1600, 900);
        await dispatcher.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-dispatch.png") });
    }

    [Fact]
    public async Task WhenDispatcherAssignsPastTech2sCapacityByKeyboardMenu_TheyConfirmAndTheOverrideIsRecorded()
    {
        const string tech2 = "tech2@demo.local";
        var order = DemoIds.NewOverdueRepair.Value;
        var dispatcher = new DispatchBoardPage(await SignedInAsync(Dispatcher));
        await dispatcher.GotoAsync("view=technician");
        await Expect(dispatcher.CardIn("unassigned", order)).ToHaveAttributeAsync("data-overdue", "true");
        var open = await dispatcher.LaneCountAsync(tech2);
        await Expect(dispatcher.Page.GetByTestId($"tech-{tech2}-sum")).ToHaveTextAsync($"{open} open of 3 a day");

        await dispatcher.AssignByMenuAsync(order, tech2);

        await Expect(dispatcher.CapacityDialog).ToBeVisibleAsync();
        await Expect(dispatcher.Page.GetByTestId("capacity-message")).ToContainTextAsync($"Zhao Lei already has {open} open work orders; the daily capacity is 3.");
        await dispatcher.Page.SetViewportSizeAsync(1600, 900);
        await dispatcher.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-dispatch-capacity.png") });
        await dispatcher.Page.GetByTestId("capacity-confirm").ClickAsync();

        await Expect(dispatcher.CardInLane(tech2, order)).ToBeVisibleAsync();
        await Expect(dispatcher.Page.GetByTestId($"card-override-{order}")).ToBeVisibleAsync();
        await Expect(dispatcher.LaneCount(tech2)).ToHaveTextAsync(Text(open + 1));
        await using (var db = App.DemoDatabase())
        {
            var stored = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == DemoIds.NewOverdueRepair);
            stored.TechnicianId.ShouldBe(DemoIds.Tech2);
            stored.CapacityOverridden.ShouldBeTrue();
        }

        // A new work order from the board lands unassigned, live.
        var unassigned = int.Parse((await dispatcher.Page.GetByTestId("column-unassigned-count").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        await dispatcher.CreateAsync("顺达", "上海顺达物流有限公司", "上海市青浦区华新镇华志路 1588 号", "Forklift pierced 12 pallets.");
        await Expect(dispatcher.Page.GetByTestId("column-unassigned-count")).ToHaveTextAsync(Text(unassigned + 1));
        await Expect(dispatcher.Column("unassigned").GetByText("上海顺达物流有限公司")).ToBeVisibleAsync();

        await new ShellPage(dispatcher.Page).SwitchLanguageAsync("zh-CN");
        await Expect(dispatcher.Board).ToBeVisibleAsync();
        await Expect(dispatcher.Lane(tech2)).ToContainTextAsync("日上限 3");
        await dispatcher.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "crm-dispatch-lanes-zh.png") });
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(email, DemoPassword);
        return page;
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
