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
            var text = localizer["Rule." + violation.Code, [.. violation.Arguments]];
            return text.ResourceNotFound ? violation.Message : text.Value;
        }
        catch (FormatException)
        {
            return violation.Message;
        }
    }
}
