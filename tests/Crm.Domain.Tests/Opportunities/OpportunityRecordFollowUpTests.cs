using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityRecordFollowUpTests
{
    private static readonly DateTimeOffset Now = Pipeline.Start.AddDays(2);

    [Fact]
    public void WhenRecordedOnALead_StaysLeadAndRaisesOnlyFollowUpRecorded()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.RecordFollowUp(FollowUpId.New(), Now.AddHours(-1), FollowUpChannel.Call, "Called the buyer.", null, Pipeline.Rep, Now);

        opportunity.Stage.ShouldBe(OpportunityStage.Lead);
        opportunity.StageEnteredAt.ShouldBe(Pipeline.Start);
        opportunity.StageHistory.ShouldBeEmpty();
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<FollowUpRecorded>();
    }

    [Fact]
    public void WhenRecorded_AddsItSetsLastFollowedUpAtAndRaisesRecorded()
    {
        var opportunity = new OpportunityBuilder().Build();
        var id = FollowUpId.New();
        var at = Now.AddHours(-3);
        var next = new DateOnly(2026, 11, 10);

        var followUp = opportunity.RecordFollowUp(id, at, FollowUpChannel.WeChat, "  发了报价单和样品照片  ", next, Pipeline.Rep, Now);

        followUp.Id.ShouldBe(id);
        followUp.OpportunityId.ShouldBe(opportunity.Id);
        followUp.At.ShouldBe(at);
        followUp.Channel.ShouldBe(FollowUpChannel.WeChat);
        followUp.Note.ShouldBe("发了报价单和样品照片");
        followUp.NextFollowUpOn.ShouldBe(next);
        followUp.ById.ShouldBe(Pipeline.Rep);
        opportunity.FollowUps.ShouldHaveSingleItem().ShouldBeSameAs(followUp);
        opportunity.LastFollowedUpAt.ShouldBe(at);
        var recorded = opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<FollowUpRecorded>();
        recorded.FollowUpId.ShouldBe(id);
        recorded.At.ShouldBe(at);
        recorded.NextFollowUpOn.ShouldBe(next);
        recorded.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public void WhenAnEarlierContactIsRecordedLater_LastFollowedUpAtKeepsTheLatest()
    {
        var opportunity = new OpportunityBuilder().Build();
        var latest = Now.AddHours(-1);

        opportunity.RecordFollowUp(FollowUpId.New(), latest, FollowUpChannel.Visit, "Visited the warehouse.", null, Pipeline.Rep, Now);
        opportunity.RecordFollowUp(FollowUpId.New(), Now.AddDays(-1), FollowUpChannel.Call, "Forgot to log yesterday's call.", null, Pipeline.Rep, Now);

        opportunity.FollowUps.Count.ShouldBe(2);
        opportunity.LastFollowedUpAt.ShouldBe(latest);
    }

    [Fact]
    public void WhenTheSameIdIsRecordedAgain_ReturnsTheRecordedOneAndChangesNothing()
    {
        var opportunity = new OpportunityBuilder().Build();
        var id = FollowUpId.New();
        var first = opportunity.RecordFollowUp(id, Now, FollowUpChannel.Email, "Sent the catalogue.", null, Pipeline.Rep, Now);
        opportunity.ClearDomainEvents();

        var again = opportunity.RecordFollowUp(id, Now, FollowUpChannel.Email, "Sent the catalogue.", null, Pipeline.Rep, Now.AddMinutes(1));

        again.ShouldBeSameAs(first);
        opportunity.FollowUps.Count.ShouldBe(1);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenWon_RecordsAnAfterSalesNote()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Won).Build();

        opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, "Delivery arrived; customer happy.", null, Pipeline.Rep, Now);

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
        opportunity.FollowUps.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenLost_RefusesWithLostTakesNoFollowUps()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Lost).Build();

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, "Still no.", null, Pipeline.Rep, Now))
            .Code.ShouldBe("opportunity.lost-takes-no-follow-ups");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WhenNoteBlank_RefusesWithNoteRequired(string note)
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, note, null, Pipeline.Rep, Now))
            .Code.ShouldBe("followup.note-required");
    }

    [Fact]
    public void WhenNoteTooLong_RefusesWithNoteTooLong()
    {
        var opportunity = new OpportunityBuilder().Build();
        var note = new string('记', OpportunityLimits.FollowUpNoteMaxLength + 1);

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, note, null, Pipeline.Rep, Now))
            .Code.ShouldBe("followup.note-too-long");
        opportunity.FollowUps.ShouldBeEmpty();
        opportunity.LastFollowedUpAt.ShouldBeNull();
    }

    [Fact]
    public void WhenItHappensInTheFuture_RefusesWithInFuture()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now.AddMinutes(1), FollowUpChannel.Call, "Will call.", null, Pipeline.Rep, Now))
            .Code.ShouldBe("followup.in-future");
    }

    [Fact]
    public void WhenNextFollowUpIsBeforeThisOne_RefusesWithNextBeforeContact()
    {
        var opportunity = new OpportunityBuilder().Build();
        var yesterday = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1);

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, "Called.", yesterday, Pipeline.Rep, Now))
            .Code.ShouldBe("followup.next-before-contact");
    }

    [Fact]
    public void WhenChannelUndefined_RefusesWithChannelInvalid()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.RecordFollowUp(FollowUpId.New(), Now, (FollowUpChannel)9, "Called.", null, Pipeline.Rep, Now))
            .Code.ShouldBe("followup.channel-invalid");
    }
}
