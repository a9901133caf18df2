namespace Crm.Infrastructure.Persistence;

/// <summary>Who is making a change, as board events and histories name them.</summary>
public interface ICurrentActor
{
    Guid? ActorId { get; }

    string? ActorName { get; }
}
