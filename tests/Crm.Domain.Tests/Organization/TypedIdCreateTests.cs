using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

/// <summary>Every typed id refuses Guid.Empty and keeps any other value.</summary>
public sealed class TypedIdCreateTests
{
    public static TheoryData<string> IdTypes => new() { "TenantId", "ShopId", "TeamId", "RegionId", "UserId", "NotificationId" };

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void WhenValueIsGuidEmpty_ViolatesIdEmpty(string idType)
    {
        var violation = RuleAssert.Violates(() => Create(idType, Guid.Empty), "id.empty");

        violation.Message.ShouldContain(idType);
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void WhenValueIsAGuid_KeepsItAndComparesByValue(string idType)
    {
        var value = Guid.NewGuid();

        var id = Create(idType, value);

        id.ShouldBe(Create(idType, value));
        id.ShouldNotBe(Create(idType, Guid.NewGuid()));
        id.GetType().GetProperty("Value")!.GetValue(id).ShouldBe(value);
    }

    [Fact]
    public void WhenNewIsCalled_GivesDistinctNonEmptyIds()
    {
        var first = TenantId.New();
        var second = TenantId.New();

        first.Value.ShouldNotBe(Guid.Empty);
        first.ShouldNotBe(second);
        ShopId.New().Value.ShouldNotBe(Guid.Empty);
        TeamId.New().Value.ShouldNotBe(Guid.Empty);
        RegionId.New().Value.ShouldNotBe(Guid.Empty);
        UserId.New().Value.ShouldNotBe(Guid.Empty);
        NotificationId.New().Value.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void WhenFormatted_ShowsTheGuid()
    {
        var value = Guid.NewGuid();

        new ShopId(value).ToString().ShouldBe(value.ToString());
    }

    private static object Create(string idType, Guid value) => idType switch
    {
        "TenantId" => new TenantId(value),
        "ShopId" => new ShopId(value),
        "TeamId" => new TeamId(value),
        "RegionId" => new RegionId(value),
        "UserId" => new UserId(value),
        "NotificationId" => new NotificationId(value),
        _ => throw new ArgumentOutOfRangeException(nameof(idType), idType, "Unknown id type."),
    };
}
