using System.Collections.Immutable;

namespace Crm.Web.Features.Admin;

[State.FeatureState]
public sealed record AdminUsersState
{
    public ImmutableList<UserRow> Users { get; init; } = [];

    public bool IsLoading { get; init; }

    public bool IsSaving { get; init; }

    /// <summary>Why the last save was refused, in the user's words; null when it was not.</summary>
    public string? SaveError { get; init; }

    /// <summary>Counts successful saves, so an open dialog knows its save went through.</summary>
    public int SavedCount { get; init; }
}
