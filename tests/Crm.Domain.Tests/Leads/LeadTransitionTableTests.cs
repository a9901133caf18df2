using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

/// <summary>The verbs of the transition table; assigning is split by whether the owner changes.</summary>
public enum LeadVerb
{
    AssignToAnotherRep,
    AssignToCurrentOwner,
    Return,
    RecordFollowUp,
    MarkInvalid,
    Revive,
    Void,
    Restore,
    Convert,
}

/// <summary>
/// Every verb from every status: allowed (new status, one event), repeated with nothing to do
/// (no change, no event), or refused with its stable code. A last test proves the three tables
/// cover every pair exactly once.
/// </summary>
public class LeadTransitionTableTests
{
    public static TheoryData<LeadVerb, LeadStatus, LeadStatus> Allowed => new()
    {
        { LeadVerb.AssignToAnotherRep, LeadStatus.Unassigned, LeadStatus.Pending },
        { LeadVerb.AssignToAnotherRep, LeadStatus.Pending, LeadStatus.Pending },
        { LeadVerb.AssignToAnotherRep, LeadStatus.FollowingUp, LeadStatus.Pending },
        { LeadVerb.AssignToCurrentOwner, LeadStatus.Unassigned, LeadStatus.Pending },
        { LeadVerb.Return, LeadStatus.Pending, LeadStatus.Unassigned },
        { LeadVerb.Return, LeadStatus.FollowingUp, LeadStatus.Unassigned },
        { LeadVerb.RecordFollowUp, LeadStatus.Pending, LeadStatus.FollowingUp },
        { LeadVerb.RecordFollowUp, LeadStatus.FollowingUp, LeadStatus.FollowingUp },
        { LeadVerb.MarkInvalid, LeadStatus.Pending, LeadStatus.Invalid },
        { LeadVerb.MarkInvalid, LeadStatus.FollowingUp, LeadStatus.Invalid },
        { LeadVerb.Revive, LeadStatus.Invalid, LeadStatus.FollowingUp },
        { LeadVerb.Void, LeadStatus.Unassigned, LeadStatus.Voided },
        { LeadVerb.Void, LeadStatus.Pending, LeadStatus.Voided },
        { LeadVerb.Void, LeadStatus.FollowingUp, LeadStatus.Voided },
        { LeadVerb.Void, LeadStatus.Invalid, LeadStatus.Voided },
        { LeadVerb.Restore, LeadStatus.Voided, LeadStatus.Unassigned },
        { LeadVerb.Convert, LeadStatus.Pending, LeadStatus.Converted },
        { LeadVerb.Convert, LeadStatus.FollowingUp, LeadStatus.Converted },
    };

    public static TheoryData<LeadVerb, LeadStatus> AlreadyDone => new()
    {
        { LeadVerb.AssignToCurrentOwner, LeadStatus.Pending },
        { LeadVerb.AssignToCurrentOwner, LeadStatus.FollowingUp },
        { LeadVerb.Return, LeadStatus.Unassigned },
        { LeadVerb.MarkInvalid, LeadStatus.Invalid },
        { LeadVerb.Void, LeadStatus.Voided },
    };

    public static TheoryData<LeadVerb, LeadStatus, string> Refused => new()
    {
        { LeadVerb.AssignToAnotherRep, LeadStatus.Converted, "lead.cannot-assign-converted" },
        { LeadVerb.AssignToAnotherRep, LeadStatus.Invalid, "lead.cannot-assign-invalid" },
        { LeadVerb.AssignToAnotherRep, LeadStatus.Voided, "lead.cannot-assign-voided" },
        { LeadVerb.AssignToCurrentOwner, LeadStatus.Converted, "lead.cannot-assign-converted" },
        { LeadVerb.AssignToCurrentOwner, LeadStatus.Invalid, "lead.cannot-assign-invalid" },
        { LeadVerb.AssignToCurrentOwner, LeadStatus.Voided, "lead.cannot-assign-voided" },
        { LeadVerb.Return, LeadStatus.Converted, "lead.cannot-return-converted" },
        { LeadVerb.Return, LeadStatus.Invalid, "lead.cannot-return-invalid" },
        { LeadVerb.Return, LeadStatus.Voided, "lead.cannot-return-voided" },
        { LeadVerb.RecordFollowUp, LeadStatus.Unassigned, "lead.cannot-follow-up-unassigned" },
        { LeadVerb.RecordFollowUp, LeadStatus.Converted, "lead.cannot-follow-up-converted" },
        { LeadVerb.RecordFollowUp, LeadStatus.Invalid, "lead.cannot-follow-up-invalid" },
        { LeadVerb.RecordFollowUp, LeadStatus.Voided, "lead.cannot-follow-up-voided" },
        { LeadVerb.MarkInvalid, LeadStatus.Unassigned, "lead.cannot-mark-invalid-unassigned" },
        { LeadVerb.MarkInvalid, LeadStatus.Converted, "lead.cannot-mark-invalid-converted" },
        { LeadVerb.MarkInvalid, LeadStatus.Voided, "lead.cannot-mark-invalid-voided" },
        { LeadVerb.Revive, LeadStatus.Unassigned, "lead.cannot-revive-unassigned" },
        { LeadVerb.Revive, LeadStatus.Pending, "lead.cannot-revive-pending" },
        { LeadVerb.Revive, LeadStatus.FollowingUp, "lead.cannot-revive-following-up" },
        { LeadVerb.Revive, LeadStatus.Converted, "lead.cannot-revive-converted" },
        { LeadVerb.Revive, LeadStatus.Voided, "lead.cannot-revive-voided" },
        { LeadVerb.Void, LeadStatus.Converted, "lead.cannot-void-converted" },
        { LeadVerb.Restore, LeadStatus.Unassigned, "lead.cannot-restore-unassigned" },
        { LeadVerb.Restore, LeadStatus.Pending, "lead.cannot-restore-pending" },
        { LeadVerb.Restore, LeadStatus.FollowingUp, "lead.cannot-restore-following-up" },
        { LeadVerb.Restore, LeadStatus.Converted, "lead.cannot-restore-converted" },
        { LeadVerb.Restore, LeadStatus.Invalid, "lead.cannot-restore-invalid" },
        { LeadVerb.Convert, LeadStatus.Unassigned, "lead.cannot-convert-unassigned" },
        { LeadVerb.Convert, LeadStatus.Converted, "lead.cannot-convert-converted" },
        { LeadVerb.Convert, LeadStatus.Invalid, "lead.cannot-convert-invalid" },
        { LeadVerb.Convert, LeadStatus.Voided, "lead.cannot-convert-voided" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void WhenTransitionIsAllowed_EntersTheStatusAndRaisesOneEvent(LeadVerb verb, LeadStatus from, LeadStatus to)
    {
        var lead = new LeadBuilder().InStatus(from).Build();

        Apply(verb, lead);

        lead.Status.ShouldBe(to);
        lead.DomainEvents.Count.ShouldBe(1);
        if (from != to)
        {
            lead.StatusChangedAt.ShouldBe(LeadPool.Later);
            var change = lead.StatusHistory.Last();
            change.From.ShouldBe(from);
            change.To.ShouldBe(to);
            change.At.ShouldBe(LeadPool.Later);
            change.LeadId.ShouldBe(lead.Id);
        }
    }

    [Theory]
    [MemberData(nameof(AlreadyDone))]
    public void WhenOutcomeAlreadyHolds_ChangesNothingAndRaisesNothing(LeadVerb verb, LeadStatus from)
    {
        var lead = new LeadBuilder().InStatus(from).Build();
        var history = lead.StatusHistory.Count;
        var owner = lead.OwnerId;

        Apply(verb, lead);

        lead.Status.ShouldBe(from);
        lead.OwnerId.ShouldBe(owner);
        lead.StatusChangedAt.ShouldBe(LeadPool.Start);
        lead.StatusHistory.Count.ShouldBe(history);
        lead.DomainEvents.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void WhenTransitionIsNotInTheTable_RefusesWithItsCodeAndChangesNothing(LeadVerb verb, LeadStatus from, string code)
    {
        var lead = new LeadBuilder().InStatus(from).Build();
        var history = lead.StatusHistory.Count;

        var refusal = RuleAssert.Violates(() => Apply(verb, lead), code);

        refusal.Arguments.ShouldBe(new object[] { from });
        lead.Status.ShouldBe(from);
        lead.StatusHistory.Count.ShouldBe(history);
        lead.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenTablesAreCombined_EveryVerbFromEveryStatusAppearsExactlyOnce()
    {
        var pairs = Allowed.Select(row => ((LeadVerb)row[0], (LeadStatus)row[1]))
            .Concat(AlreadyDone.Select(row => ((LeadVerb)row[0], (LeadStatus)row[1])))
            .Concat(Refused.Select(row => ((LeadVerb)row[0], (LeadStatus)row[1])))
            .ToList();

        var expected = Enum.GetValues<LeadVerb>().SelectMany(v => LeadStatuses.All.Select(s => (v, s))).ToList();
        pairs.Count.ShouldBe(expected.Count);
        pairs.ShouldBe(expected, ignoreOrder: true);
    }

    private static void Apply(LeadVerb verb, Lead lead)
    {
        var now = LeadPool.Later;
        switch (verb)
        {
            case LeadVerb.AssignToAnotherRep:
                lead.AssignTo(LeadPool.OtherRep, LeadPool.Manager, now);
                break;
            case LeadVerb.AssignToCurrentOwner:
                lead.AssignTo(LeadPool.Rep, LeadPool.Manager, now);
                break;
            case LeadVerb.Return:
                lead.Return(LeadPool.Rep, "Not my region.", now);
                break;
            case LeadVerb.RecordFollowUp:
                lead.RecordFollowUp("Sent the catalogue on WeChat.", LeadPool.Rep, now);
                break;
            case LeadVerb.MarkInvalid:
                lead.MarkInvalid("Does not answer.", LeadPool.Rep, now);
                break;
            case LeadVerb.Revive:
                lead.Revive(LeadPool.Rep, now);
                break;
            case LeadVerb.Void:
                lead.Void("Duplicate of another lead.", LeadPool.Manager, now);
                break;
            case LeadVerb.Restore:
                lead.Restore(LeadPool.Admin, actorIsAdmin: true, now);
                break;
            case LeadVerb.Convert:
                lead.Convert(CustomerId.New(), ContactId.New(), OpportunityId.New(), LeadPool.Rep, now);
                break;
        }
    }
}
