namespace Crm.Infrastructure.Realtime;

/// <summary>
/// One change of one card on one board, as every subscriber receives it. It carries the fields the
/// board shows (<see cref="CardJson"/>), the visibility keys (shop, owner) and who did it, so that
/// no subscriber needs a database round trip to apply it. <see cref="Sequence"/> is strictly
/// increasing per tenant and board; a gap means something was missed and the board reloads.
/// </summary>
public sealed record BoardEvent(
    Guid TenantId,
    string Board,
    long Sequence,
    string Kind,
    Guid CardId,
    long CardVersion,
    Guid? ShopId,
    Guid? OwnerId,
    string? CardJson,
    Guid? ActorId,
    string? ActorName,
    string? Summary,
    DateTimeOffset OccurredAt,
    DateTimeOffset CommittedAt)
{
    /// <summary>Presence and other ephemeral events are not sequenced (never stored).</summary>
    public bool IsSequenced => Sequence > 0;
}

public static class BoardEventKinds
{
    public const string Added = "Added";
    public const string Changed = "Changed";
    public const string Moved = "Moved";
    public const string Removed = "Removed";
    public const string Presence = "Presence";
}

public static class Boards
{
    public const string Opportunities = "opportunities";
    public const string WorkOrders = "work-orders";
    public const string Approvals = "approvals";
}
