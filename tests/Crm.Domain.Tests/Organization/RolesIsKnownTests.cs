using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Organization;

public sealed class RolesIsKnownTests
{
    [Fact]
    public void WhenListed_HasTheSixRolesOfTheArchitecture()
    {
        Roles.All.ShouldBe(["Admin", "Manager", "SalesRep", "Dispatcher", "Technician", "Finance"]);
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("SalesRep")]
    [InlineData("Finance")]
    public void WhenRoleIsOneOfAll_IsKnown(string role)
    {
        Roles.IsKnown(role).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("Owner")]
    public void WhenRoleIsMissingOrMisspelled_IsUnknown(string? role)
    {
        Roles.IsKnown(role).ShouldBeFalse();
    }
}
