namespace Crm.Web.Features.Customers;

/// <summary>The /customers list and the dialogs opened from it: the search, the choices, the last save's outcome.</summary>
[State.FeatureState]
public sealed record CustomersState
{
    public CustomerFilter Filter { get; init; } = new();

    public CustomerOptions? Options { get; init; }

    /// <summary>Bumped by every successful change, so the list reloads its page.</summary>
    public int ListVersion { get; init; }

    public bool IsSaving { get; init; }

    /// <summary>Why the last save was refused, in the user's words.</summary>
    public string? Error { get; init; }

    /// <summary>Counts successful saves, so an open dialog knows its save went through.</summary>
    public int SavedCount { get; init; }

    public HandOverResult? LastHandOver { get; init; }
}

/// <summary>The open customer profile: null while loading; <see cref="NotFound"/> for an id the user may not see.</summary>
[State.FeatureState]
public sealed record CustomerProfileState
{
    public Guid? Id { get; init; }

    public CustomerProfileView? Profile { get; init; }

    public bool IsLoading { get; init; }

    public bool NotFound { get; init; }
}
