using Crm.Domain.Customers;
using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityEditTests
{
    private static readonly DateTimeOffset Later = Pipeline.Start.AddDays(1);
    private static readonly DateOnly NewClose = new(2027, 3, 31);

    [Fact]
    public void WhenSomethingChanged_UpdatesAndRaisesEdited()
    {
        var opportunity = new OpportunityBuilder().Build();
        var contact = ContactId.New();

        opportunity.Edit(" 川字托盘 3000 块 ", Pipeline.Cny(150_000m), NewClose, contact, " 冷库用，耐低温 ", Pipeline.Rep, Later);

        opportunity.Title.ShouldBe("川字托盘 3000 块");
        opportunity.Amount.ShouldBe(Pipeline.Cny(150_000m));
        opportunity.ExpectedCloseDate.ShouldBe(NewClose);
        opportunity.ContactId.ShouldBe(contact);
        opportunity.NeedsSummary.ShouldBe("冷库用，耐低温");
        var edited = opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityEdited>();
        edited.Title.ShouldBe("川字托盘 3000 块");
        edited.Amount.ShouldBe(Pipeline.Cny(150_000m));
        edited.ExpectedCloseDate.ShouldBe(NewClose);
        edited.ContactId.ShouldBe(contact);
        edited.ActorId.ShouldBe(Pipeline.Rep);
        edited.OccurredAt.ShouldBe(Later);
    }

    [Fact]
    public void WhenNothingChanged_RaisesNothing()
    {
        var opportunity = new OpportunityBuilder().WithNeedsSummary("Needs 500 pallets").Build();

        opportunity.Edit(
            opportunity.Title + " ", opportunity.Amount, opportunity.ExpectedCloseDate, opportunity.ContactId, "Needs 500 pallets", Pipeline.Rep, Later);

        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenSummaryBlank_ClearsItEvenPastProposal()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Proposal).Build();

        opportunity.Edit(opportunity.Title, opportunity.Amount, opportunity.ExpectedCloseDate, null, "   ", Pipeline.Rep, Later);

        opportunity.NeedsSummary.ShouldBeNull();
        opportunity.Stage.ShouldBe(OpportunityStage.Proposal);
    }

    [Fact]
    public void WhenTitleBlank_RefusesWithTitleRequired()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.Edit(" ", opportunity.Amount, NewClose, null, null, Pipeline.Rep, Later)).Code.ShouldBe("opportunity.title-required");
    }

    [Fact]
    public void WhenTitleTooLong_RefusesWithTitleTooLong()
    {
        var opportunity = new OpportunityBuilder().Build();
        var title = new string('T', OpportunityLimits.TitleMaxLength + 1);

        Pipeline.Refused(() => opportunity.Edit(title, opportunity.Amount, NewClose, null, null, Pipeline.Rep, Later)).Code.ShouldBe("opportunity.title-too-long");
    }

    [Fact]
    public void WhenAmountNegative_RefusesWithAmountNegativeAndKeepsTheOldValues()
    {
        var opportunity = new OpportunityBuilder().WithAmount(1_000m).Build();

        Pipeline.Refused(() => opportunity.Edit("New title", Pipeline.Cny(-5m), NewClose, null, null, Pipeline.Rep, Later))
            .Code.ShouldBe("opportunity.amount-negative");
        opportunity.Amount.ShouldBe(Pipeline.Cny(1_000m));
        opportunity.Title.ShouldNotBe("New title");
    }

    [Fact]
    public void WhenSummaryTooLong_RefusesWithNeedsSummaryTooLong()
    {
        var opportunity = new OpportunityBuilder().Build();
        var summary = new string('S', OpportunityLimits.NeedsSummaryMaxLength + 1);

        Pipeline.Refused(() => opportunity.Edit(opportunity.Title, opportunity.Amount, NewClose, null, summary, Pipeline.Rep, Later))
            .Code.ShouldBe("opportunity.needs-summary-too-long");
    }

    [Theory]
    [InlineData(OpportunityStage.Won)]
    [InlineData(OpportunityStage.Lost)]
    public void WhenClosed_RefusesWithClosed(OpportunityStage closed)
    {
        var opportunity = new OpportunityBuilder().InStage(closed).Build();

        Pipeline.Refused(() => opportunity.Edit("Changed", opportunity.Amount, NewClose, null, null, Pipeline.Manager, Later))
            .Code.ShouldBe("opportunity.closed");
    }
}
