namespace Crm.Domain.Common;

public abstract class Entity<TId>
    where TId : struct
{
    public TId Id { get; protected set; }
}

public abstract class AggregateRoot<TId> : Entity<TId>, IHasDomainEvents, IVersioned
    where TId : struct
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Optimistic concurrency token; bumped by the persistence layer on every save.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Called by persistence just before a save that changed the aggregate.</summary>
    public void IncrementVersion() => Version++;
}

public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>Marks an entity whose rows belong to one tenant; persistence filters them by tenant.</summary>
public interface ITenantOwned
{
    Organization.TenantId TenantId { get; }
}

/// <summary>Carries an optimistic concurrency token that every save of a change increments.</summary>
public interface IVersioned
{
    long Version { get; }

    void IncrementVersion();
}
