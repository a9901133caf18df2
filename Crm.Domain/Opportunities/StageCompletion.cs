using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

/// <summary>
/// What the user filled in while moving a card, to satisfy the blueprint of the target stage.
/// Blank or null parts are "not given" and keep the opportunity's current value.
/// </summary>
public sealed record StageCompletion(string? NeedsSummary = null, Money? Amount = null, string? LostReason = null);
