using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Customers;

public class CustomerOwnershipTests
{
    private static readonly UserId OtherRep = new(Guid.Parse("c0000000-0000-4000-8000-000000000004"));
    private static readonly UserId Manager = new(Guid.Parse("c0000000-0000-4000-8000-000000000005"));
    private static readonly DateTimeOffset Later = CustomerBuilder.Now.AddDays(3);

    [Fact]
    public void Register_RecordsTheFirstOwnerInTheHistory()
    {
        var customer = new CustomerBuilder().Build();

        customer.OwnedSince.ShouldBe(CustomerBuilder.Now);
        customer.OwnershipHistory.ShouldHaveSingleItem().Kind.ShouldBe(OwnershipChangeKind.Registered);
    }

    [Fact]
    public void Register_IntoThePool_StartsWithoutOwnerAndPooled()
    {
        var customer = new CustomerBuilder().InPool().Build();

        customer.IsInPool.ShouldBeTrue();
        customer.PooledAt.ShouldBe(CustomerBuilder.Now);
        customer.OwnedSince.ShouldBeNull();
    }

    [Fact]
    public void ReturnToPool_KeepsTheFormerOwnerAndReason_AndEndsTheLock()
    {
        var customer = new CustomerBuilder().Build();
        customer.Lock(CustomerBuilder.Rep);

        customer.ReturnToPool(CustomerBuilder.Rep, OwnershipChangeKind.Released, "No budget this year", Later);

        customer.IsInPool.ShouldBeTrue();
        customer.FormerOwnerId.ShouldBe(CustomerBuilder.Rep);
        customer.PoolReason.ShouldBe("No budget this year");
        customer.PooledAt.ShouldBe(Later);
        customer.IsLocked.ShouldBeFalse();
        var change = customer.OwnershipHistory.Last();
        (change.FromOwnerId, change.ToOwnerId, change.Kind).ShouldBe((CustomerBuilder.Rep, (UserId?)null, OwnershipChangeKind.Released));
        customer.DomainEvents.OfType<CustomerOwnerChanged>().ShouldHaveSingleItem().To.ShouldBeNull();
    }

    [Fact]
    public void ReturnToPool_WithoutReason_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().ReturnToPool(CustomerBuilder.Rep, OwnershipChangeKind.Released, " ", Later))
            .Code.ShouldBe("customer.pool-reason-required");

    [Fact]
    public void ReturnToPool_WhenAlreadyInPool_ChangesNothing()
    {
        var customer = new CustomerBuilder().InPool().Build();

        customer.ReturnToPool(null, OwnershipChangeKind.Recycled, "Not followed up", Later);

        customer.OwnershipHistory.Count.ShouldBe(1);
        customer.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ApproveClaim_GivesTheCustomerAndStartsTheFollowUpClock()
    {
        var customer = new CustomerBuilder().InPool().Build();

        customer.ApproveClaim(OtherRep, Manager, Later);

        customer.OwnerId.ShouldBe(OtherRep);
        customer.OwnedSince.ShouldBe(Later);
        customer.ClaimApprovedAt.ShouldBe(Later);
        customer.OwnershipHistory.Last().ActorId.ShouldBe(Manager);
    }

    [Fact]
    public void ApproveClaim_WhenSomeoneOwnsIt_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().ApproveClaim(OtherRep, Manager, Later))
            .Code.ShouldBe("customer.not-in-pool");

    [Fact]
    public void AssignTo_AnotherRep_EndsThePreviousOwnersLockAndClaimClock()
    {
        var customer = new CustomerBuilder().InPool().Build();
        customer.ApproveClaim(CustomerBuilder.Rep, Manager, Later);
        customer.Lock(CustomerBuilder.Rep);

        customer.AssignTo(OtherRep, Manager, OwnershipChangeKind.HandedOver, Later.AddDays(1), "Li Wei left");

        customer.OwnerId.ShouldBe(OtherRep);
        customer.IsLocked.ShouldBeFalse();
        customer.ClaimApprovedAt.ShouldBeNull();
        customer.OwnershipHistory.Last().Reason.ShouldBe("Li Wei left");
    }

    [Fact]
    public void AssignTo_TheCurrentOwner_ChangesNothing()
    {
        var customer = new CustomerBuilder().Build();

        customer.AssignTo(CustomerBuilder.Rep, Manager, OwnershipChangeKind.Assigned, Later);

        customer.OwnedSince.ShouldBe(CustomerBuilder.Now);
        customer.OwnershipHistory.Count.ShouldBe(1);
    }

    [Fact]
    public void Lock_BySomeoneElseThanTheOwner_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().Lock(OtherRep)).Code.ShouldBe("customer.lock-not-owner");

    [Fact]
    public void RecordFollowUp_KeepsTheLatest()
    {
        var customer = new CustomerBuilder().Build();

        customer.RecordFollowUp(Later);
        customer.RecordFollowUp(Later.AddDays(-1));

        customer.LastFollowUpAt.ShouldBe(Later);
        customer.RecycleFacts().LastFollowUpAt.ShouldBe(Later);
    }
}
