using Crm.Domain.Common;

namespace Crm.Domain.Tests.Builders;

internal static class RuleAssert
{
    /// <summary>Asserts that the action breaks the rule with the given stable code.</summary>
    public static DomainRuleViolation Violates(Action action, string code)
    {
        var violation = Should.Throw<DomainRuleViolation>(action);
        violation.Code.ShouldBe(code);
        return violation;
    }

    /// <summary>Same, for rules that also produce a value.</summary>
    public static DomainRuleViolation Violates(Func<object?> action, string code) =>
        Violates(() => { _ = action(); }, code);
}
