using System.Reflection;
using Crm.Domain.Organization;
using NetArchTest.Rules;

namespace Crm.Domain.Tests.Architecture;

/// <summary>Crm.Domain references the base class library and nothing else (ARCHITECTURE.md §1).</summary>
public sealed class DomainDependencyTests
{
    private static readonly Assembly Domain = typeof(Tenant).Assembly;

    public static TheoryData<string> ForbiddenNamespaces => new()
    {
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions",
        "MudBlazor",
        "Crm.Infrastructure",
        "Crm.Web",
    };

    [Theory]
    [MemberData(nameof(ForbiddenNamespaces))]
    public void WhenDomainTypesAreInspected_NoneDependsOn(string forbidden)
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue(Failures(result));
    }

    [Fact]
    public void WhenDomainTypesAreInspected_TheyOnlyDependOnTheBaseClassLibraryAndThemselves()
    {
        // Besides System.*, the compiler embeds attributes of its own (nullable, EmbeddedAttribute)
        // and helper types named "<...>" (also collection-expression helpers "<>z__..." with nested
        // types); none of them is a package.
        var result = Types.InAssembly(Domain)
            .That().MeetCustomRule(new NotCompilerGenerated())
            .Should().OnlyHaveDependenciesOn("System", "Crm.Domain", "Microsoft.CodeAnalysis", "<PrivateImplementationDetails>")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Failures(result));
    }

    [Fact]
    public void WhenDomainAssemblyReferencesAreListed_OnlyBaseClassLibraryAssembliesAppear()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        references
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheRuleIsAppliedToWeb_ItSeesWebsDependencyOnInfrastructure()
    {
        // Proves the dependency rule can fail, so its passing on the domain means something.
        var result = Types.InAssembly(typeof(Crm.Web.CrmServices).Assembly)
            .ShouldNot().HaveDependencyOn("Crm.Infrastructure")
            .GetResult();

        result.IsSuccessful.ShouldBeFalse();
    }

    private static string Failures(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);

    /// <summary>Types the compiler made (their names, or their declaring type's, start with "&lt;").</summary>
    private sealed class NotCompilerGenerated : NetArchTest.Rules.ICustomRule
    {
        public bool MeetsRule(Mono.Cecil.TypeDefinition type)
        {
            for (var t = type; t is not null; t = t.DeclaringType)
            {
                if (t.Name.StartsWith('<'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
