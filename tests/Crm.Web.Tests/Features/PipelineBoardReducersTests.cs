using Crm.Domain.Opportunities;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>What the user arranges on the board: folded columns and filters.</summary>
public sealed class PipelineBoardReducersTests
{
    [Fact]
    public void WhenAColumnIsFoldedTwice_ItIsOpenAgain()
    {
        var once = PipelineReducers.OnTogglePipelineStageFold(new PipelineState(), new TogglePipelineStageFoldAction(OpportunityStage.Won));
        var twice = PipelineReducers.OnTogglePipelineStageFold(once, new TogglePipelineStageFoldAction(OpportunityStage.Won));

        once.Folded.ShouldBe([OpportunityStage.Won]);
        twice.Folded.ShouldBeEmpty();
    }

    [Fact]
    public void WhenTwoColumnsAreFolded_BothStayFolded()
    {
        var won = PipelineReducers.OnTogglePipelineStageFold(new PipelineState(), new TogglePipelineStageFoldAction(OpportunityStage.Won));

        var both = PipelineReducers.OnTogglePipelineStageFold(won, new TogglePipelineStageFoldAction(OpportunityStage.Lost));

        both.Folded.ShouldBe([OpportunityStage.Won, OpportunityStage.Lost], ignoreOrder: true);
    }

    [Fact]
    public void WhenAFilterIsSet_TheBoardFiltersByIt()
    {
        var filter = new PipelineFilter(OwnerId: Guid.NewGuid(), Priority: Priority.A, StaleOnly: true, Text: "pallet");

        PipelineReducers.OnSetPipelineFilter(new PipelineState(), new SetPipelineFilterAction(filter)).Filter.ShouldBe(filter);
    }

    [Fact]
    public void WhenAnEqualFilterIsSet_TheStateIsReturnedUnchanged()
    {
        var owner = Guid.NewGuid();
        var before = new PipelineState { Filter = new PipelineFilter(OwnerId: owner, Text: "pallet") };

        // The page sets the filter from the URL on every parameter change: an equal one must not re-render the board.
        PipelineReducers.OnSetPipelineFilter(before, new SetPipelineFilterAction(new PipelineFilter(OwnerId: owner, Text: "pallet"))).ShouldBeSameAs(before);
    }

    [Theory]
    [InlineData(null, false, null, true)]
    [InlineData(null, false, "  ", true)]
    [InlineData(null, true, null, false)]
    [InlineData(Priority.C, false, null, false)]
    [InlineData(null, false, "pallet", false)]
    public void WhenAFilterIsBuilt_ItIsEmptyOnlyWithoutCriteria(Priority? priority, bool staleOnly, string? text, bool empty)
    {
        new PipelineFilter(Priority: priority, StaleOnly: staleOnly, Text: text).IsEmpty.ShouldBe(empty);
    }

    [Fact]
    public void WhenAFilterNamesAnOwnerOrAShop_ItIsNotEmpty()
    {
        new PipelineFilter(OwnerId: Guid.NewGuid()).IsEmpty.ShouldBeFalse();
        new PipelineFilter(ShopId: Samples.Card().ShopId).IsEmpty.ShouldBeFalse();
    }
}
