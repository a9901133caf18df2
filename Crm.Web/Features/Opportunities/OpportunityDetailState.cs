using System.Collections.Immutable;

namespace Crm.Web.Features.Opportunities;

[State.FeatureState]
public sealed record OpportunityDetailState
{
    public Guid? OpenId { get; init; }

    public OpportunityDetail? Detail { get; init; }

    public bool IsLoading { get; init; }

    public bool IsSaving { get; init; }

    /// <summary>Why the last save was refused, in the user's words.</summary>
    public string? Error { get; init; }

    public ImmutableList<CustomerOption> Customers { get; init; } = [];

    /// <summary>Counts successful creations, so the "new" dialog knows its save went through.</summary>
    public int CreatedCount { get; init; }
}
