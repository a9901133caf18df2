using System.Globalization;
using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Components;

public sealed class RuleMessagesTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public RuleMessagesTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previous;
        _services.Dispose();
    }

    private RuleMessages Rules => new(_services.GetRequiredService<IStringLocalizer<SharedResource>>());

    [Fact]
    public void WhenARuleHasAText_TheReasonIsThatTextWithItsArguments()
    {
        var violation = new DomainRuleViolation("user.email-taken", "x is already in use.", "li@example.test");

        Rules.Describe(violation).ShouldBe("li@example.test is already in use.");
    }

    [Fact]
    public void WhenTheUserReadsChinese_TheReasonIsInChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        Rules.Describe(new DomainRuleViolation("user.cannot-disable-self", "You cannot disable your own account.")).ShouldBe("不能停用自己的账号。");
    }

    [Fact]
    public void WhenARuleHasNoText_TheDomainsOwnMessageIsShown()
    {
        Rules.Describe(new DomainRuleViolation("user.identity", "Passwords must have at least one digit.")).ShouldBe("Passwords must have at least one digit.");
    }

    [Fact]
    public void WhenTheArgumentsDoNotFitTheText_TheDomainsOwnMessageIsShown()
    {
        // "Rule.user.display-name-too-long" expects {0}; a violation raised without it must not throw.
        Rules.Describe(new DomainRuleViolation("user.display-name-too-long", "A display name must be at most 64 characters."))
            .ShouldBe("A display name must be at most 64 characters.");
    }
}
