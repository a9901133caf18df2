using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;

namespace Crm.Web.Features.Leads;

[State.FeatureState]
public sealed record LeadsState
{
    public LeadFilter Filter { get; init; } = new();

    public LeadPage Page { get; init; } = LeadPage.Empty;

    public bool IsLoading { get; init; }

    public bool IsLoaded { get; init; }

    public bool IsSaving { get; init; }

    public ImmutableList<LeadOwner> Owners { get; init; } = [];

    /// <summary>The last thing the user must be told (done, or refused and why); cleared when shown.</summary>
    public LeadsNotice? Notice { get; init; }

    /// <summary>Why the last change was refused, in the user's words; cleared by the next change. Dialogs show it.</summary>
    public string? Error { get; init; }

    /// <summary>Counts successful changes, so that an open dialog knows its save went through.</summary>
    public int SavedCount { get; init; }

    /// <summary>Numbers the notices, so that each one is shown exactly once.</summary>
    public int NoticeCount { get; init; }
}

public sealed record LeadsNotice(string Message, bool IsError, int Id);

/// <summary>The import dialog: the file read, its rows checked, then the import's progress and report.</summary>
[State.FeatureState]
public sealed record LeadImportState
{
    public string? FileName { get; init; }

    public ImmutableList<LeadFileRow> Rows { get; init; } = [];

    public LeadImportPreview? Preview { get; init; }

    public Guid? ShopId { get; init; }

    public SourceChannel Source { get; init; } = SourceChannel.Website;

    public bool IsChecking { get; init; }

    public bool IsImporting { get; init; }

    public int Done { get; init; }

    public int Total { get; init; }

    public LeadImportReport? Report { get; init; }

    /// <summary>Why the file could not be used, in the user's words.</summary>
    public string? Error { get; init; }
}
