using System.Reflection;
using Crm.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Crm.Domain.Tests.Architecture;

/// <summary>Dependencies point one way: Web -> Infrastructure -> Domain.</summary>
public sealed class InfrastructureDependencyTests
{
    private static readonly Assembly Infrastructure = typeof(CrmDbContext).Assembly;

    [Fact]
    public void WhenInfrastructureTypesAreInspected_NoneDependsOnWeb()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("Crm.Web", "MudBlazor").GetResult();

        result.IsSuccessful.ShouldBeTrue("Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void WhenInfrastructureAssemblyReferencesAreListed_WebIsNotAmongThem()
    {
        var references = Infrastructure.GetReferencedAssemblies().Select(a => a.Name).ToList();

        references.ShouldContain("Crm.Domain");
        references.ShouldNotContain("Crm.Web");
        references.ShouldNotContain("MudBlazor");
    }
}
