using Crm.Domain.Common;
using Crm.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Components;

/// <summary>Turns a refused rule into words in the user's language ("Rule.{code}"), falling back to the domain's English.</summary>
public sealed class RuleMessages(IStringLocalizer<SharedResource> localizer)
{
    public string Describe(DomainRuleViolation violation)
    {
        try
        {
            var arguments = violation.Arguments.Select(Localize).ToArray();
            var text = localizer["Rule." + violation.Code, arguments];
            return text.ResourceNotFound ? violation.Message : text.Value;
        }
        catch (FormatException)
        {
            return violation.Message;
        }
    }

    /// <summary>An enum argument reads in the user's language: resource "{EnumType}.{Value}" (e.g. OpportunityStage.Proposal).</summary>
    private object Localize(object argument)
    {
        if (argument is not Enum value)
        {
            return argument;
        }

        var text = localizer[$"{value.GetType().Name}.{value}"];
        return text.ResourceNotFound ? argument : text.Value;
    }
}
