using Bunit;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Approvals;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

/// <summary>The approvals board's card: what a manager reads before deciding, and the ways to decide.</summary>
public sealed class ApprovalCardViewTests : ComponentTestBase
{
    [Fact]
    public void WhenAPendingRequestIsShown_ItHasKindRequesterSubjectReasonAndAge()
    {
        var card = Samples.Approval(requesterName: "Zhang Min", subject: "青岛港务集团", reason: "Asked for a quote in our JD shop", createdAt: Samples.Now.AddHours(-5));

        var host = RenderCard(card);

        host.Find($"[data-testid=card-kind-{card.Id}]").TextContent.Trim().ShouldBe("Pool claim");
        host.Find($"[data-testid=card-requester-{card.Id}]").TextContent.Trim().ShouldBe("Zhang Min");
        host.Find($"[data-testid=card-subject-{card.Id}]").TextContent.Trim().ShouldBe("青岛港务集团");
        host.Find($"[data-testid=card-reason-{card.Id}]").TextContent.Trim().ShouldBe("“Asked for a quote in our JD shop”");
        host.Find($"[data-testid=card-age-{card.Id}]").TextContent.Trim().ShouldBe("5 h");
        var root = host.Find($"[data-testid=card-{card.Id}]");
        root.GetAttribute("data-status").ShouldBe("Pending");
        root.GetAttribute("data-version").ShouldBe("1");
        host.FindAll($"[data-testid=card-decision-{card.Id}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheRequestIsDaysOld_ItsAgeIsInDays()
    {
        var card = Samples.Approval(createdAt: Samples.Now.AddDays(-3).AddHours(-2));

        RenderCard(card).Find($"[data-testid=card-age-{card.Id}]").TextContent.Trim().ShouldBe("3 d");
    }

    [Fact]
    public void WhenShownInChinese_KindAndAgeReadInChinese()
    {
        UseCulture("zh-CN");
        var card = Samples.Approval(kind: ApprovalKind.Return, createdAt: Samples.Now.AddMinutes(-12));

        var host = RenderCard(card);

        host.Find($"[data-testid=card-kind-{card.Id}]").TextContent.Trim().ShouldBe("退货");
        host.Find($"[data-testid=card-age-{card.Id}]").TextContent.Trim().ShouldBe("12 分钟");
    }

    [Fact]
    public async Task WhenAnApproverClicksApprove_TheCardAsksToApprove()
    {
        var card = Samples.Approval();
        var asked = new List<ApprovalDecision>();
        var host = RenderCard(card, canDecide: true, onDecide: asked.Add);

        await ClickAsync(host, $"[data-testid=approve-{card.Id}]");
        await ClickAsync(host, $"[data-testid=reject-{card.Id}]");

        asked.ShouldBe([ApprovalDecision.Approve, ApprovalDecision.Reject]);
    }

    [Fact]
    public async Task WhenTheMenuIsUsed_ItOffersApproveAndRejectFromTheKeyboard()
    {
        var card = Samples.Approval();
        var asked = new List<ApprovalDecision>();
        var host = RenderCard(card, canDecide: true, onDecide: asked.Add);

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-reject-{card.Id}]"));
        host.Find($"[data-testid=card-approve-{card.Id}]").TextContent.Trim().ShouldBe("Approve…");
        await ClickAsync(host, $"[data-testid=card-reject-{card.Id}]");

        asked.ShouldBe([ApprovalDecision.Reject]);
    }

    [Fact]
    public void WhenTheUserMayNotDecide_NoButtonsOrMenuAreOffered()
    {
        var card = Samples.Approval();

        var host = RenderCard(card, canDecide: false);

        host.FindAll($"[data-testid=approve-{card.Id}]").ShouldBeEmpty();
        host.FindAll($"[data-testid=reject-{card.Id}]").ShouldBeEmpty();
        host.FindAll($"[data-testid=card-menu-{card.Id}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheRequestWasApproved_ItSaysByWhomWithTheCommentAndOffersNoDecision()
    {
        var card = Samples.Approval(ApprovalStatus.Approved, deciderName: "Wang Fang", comment: "Go ahead, follow up this week.");

        var host = RenderCard(card, canDecide: true);

        host.Find($"[data-testid=card-decision-{card.Id}]").TextContent.ShouldContain("Approved by Wang Fang");
        host.Find($"[data-testid=card-comment-{card.Id}]").TextContent.ShouldBe("Go ahead, follow up this week.");
        host.FindAll($"[data-testid=approve-{card.Id}]").ShouldBeEmpty();
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldContain("crm-approval-approved");
    }

    [Fact]
    public void WhenTheRequestWasRejectedAutomatically_ItSaysSoWithTheReason()
    {
        var card = Samples.Approval(ApprovalStatus.Rejected, comment: "Zhang Min's claim on this customer was approved first.");

        var host = RenderCard(card);

        host.Find($"[data-testid=card-decision-{card.Id}]").TextContent.ShouldContain("Rejected automatically");
        host.Find($"[data-testid=card-comment-{card.Id}]").TextContent.ShouldBe("Zhang Min's claim on this customer was approved first.");
    }

    [Fact]
    public void WhenTheUsersDecisionIsOnItsWay_TheCardSaysSoAndCannotBeDecidedAgain()
    {
        var card = Samples.Approval(ApprovalStatus.Approved);

        var host = RenderCard(card, canDecide: true, isPending: true);

        host.Find($"[data-testid=card-saving-{card.Id}]").TextContent.ShouldBe("Saving the decision…");
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldContain("crm-card-pending");
        host.FindAll($"[data-testid=approve-{card.Id}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenSomeoneElseIsDecidingTheCard_ItSaysWho()
    {
        var card = Samples.Approval();

        var host = RenderCard(card, editingBy: "Zhou Qiang");

        host.Find($"[data-testid=card-editing-{card.Id}]").TextContent.ShouldBe("Zhou Qiang is deciding this");
    }

    private IRenderedComponent<WithPopovers> RenderCard(
        ApprovalCard card, bool canDecide = false, bool isPending = false, string? editingBy = null, Action<ApprovalDecision>? onDecide = null) =>
        RenderWithPopovers<ApprovalCardView>(p => p
            .Add(c => c.Card, card)
            .Add(c => c.Now, Samples.Now)
            .Add(c => c.CanDecide, canDecide)
            .Add(c => c.IsPending, isPending)
            .Add(c => c.EditingBy, editingBy)
            .Add(c => c.OnDecide, onDecide ?? (_ => { })));
}
