using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class TechnicianCapacityExceedsTests
{
    [Theory]
    [InlineData(0, 5, false)]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(7, 5, true)]
    [InlineData(0, 0, true)]
    public void WhenOneMoreIsAssigned_ExceedsOnlyBeyondCapacity(int assignedToday, int capacity, bool exceeds) =>
        TechnicianCapacity.Exceeds(assignedToday, capacity).ShouldBe(exceeds);

    [Fact]
    public void WhenAssignedIsNegative_IsRefused() =>
        RuleAssert.Violates(() => TechnicianCapacity.Exceeds(-1, 5), "capacity.assigned-negative");

    [Fact]
    public void WhenCapacityIsNegative_IsRefused() =>
        RuleAssert.Violates(() => TechnicianCapacity.Exceeds(0, -1), "capacity.negative");
}
