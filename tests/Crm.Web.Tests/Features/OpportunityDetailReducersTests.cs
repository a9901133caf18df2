using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

public sealed class OpportunityDetailReducersTests
{
    private static readonly OpportunityDetail Open = Samples.Detail(Samples.Card(OpportunityStage.Proposal, version: 4));

    [Fact]
    public void WhenAnotherCardIsOpened_ThePreviousDetailIsNotShownWhileItLoads()
    {
        var showing = new OpportunityDetailState { OpenId = Open.Card.Id, Detail = Open, Error = "Refused." };
        var other = Guid.NewGuid();

        var state = OpportunityDetailReducers.OnOpenOpportunity(showing, new OpenOpportunityAction(other));

        state.OpenId.ShouldBe(other);
        state.Detail.ShouldBeNull();
        state.IsLoading.ShouldBeTrue();
        state.Error.ShouldBeNull();
    }

    [Fact]
    public void WhenADetailArrivesForACardNoLongerOpen_ItIsIgnored()
    {
        var before = new OpportunityDetailState { OpenId = Guid.NewGuid(), IsLoading = true };

        OpportunityDetailReducers.OnLoadOpportunityDetailSucceeded(before, new LoadOpportunityDetailSucceededAction(Open)).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenTheOpenCardChangesRemotely_TheDrawerShowsTheNewerCard()
    {
        var showing = new OpportunityDetailState { OpenId = Open.Card.Id, Detail = Open };
        var newer = Open.Card with { Stage = OpportunityStage.Negotiation, Version = 5 };

        var state = OpportunityDetailReducers.OnOpportunityChangedRemotely(showing, new OpportunityChangedRemotelyAction(newer));

        state.Detail.ShouldNotBeNull().Card.ShouldBe(newer);
        state.Detail.NeedsSummary.ShouldBe(Open.NeedsSummary);
    }

    [Fact]
    public void WhenAnOlderVersionOrAnotherCardChangesRemotely_TheDrawerIsUnchanged()
    {
        var showing = new OpportunityDetailState { OpenId = Open.Card.Id, Detail = Open };

        OpportunityDetailReducers.OnOpportunityChangedRemotely(showing, new OpportunityChangedRemotelyAction(Open.Card with { Version = 3 })).ShouldBeSameAs(showing);
        OpportunityDetailReducers.OnOpportunityChangedRemotely(showing, new OpportunityChangedRemotelyAction(Samples.Card(version: 9))).ShouldBeSameAs(showing);
    }

    [Fact]
    public void WhenACreationIsSaved_TheCreatedCountGoesUpAndSavingEnds()
    {
        var saving = new OpportunityDetailState { IsSaving = true, CreatedCount = 2 };

        var state = OpportunityDetailReducers.OnOpportunityDetailSaved(saving, new OpportunityDetailSavedAction(Created: true));

        state.CreatedCount.ShouldBe(3);
        state.IsSaving.ShouldBeFalse();
    }
}
