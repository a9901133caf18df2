using System.Globalization;
using Crm.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Localization;

/// <summary>The app's cached localizer answers exactly as the framework's, in each language.</summary>
public sealed class CachedStringLocalizerTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void WhenAStringIsLookedUpTwice_ItIsWhatTheFrameworkGivesInThatLanguage(string culture)
    {
        var framework = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var cached = new CachedStringLocalizer<SharedResource>(Services.GetRequiredService<IStringLocalizerFactory>());

        InCulture(culture, () =>
        {
            foreach (var _ in Enumerable.Range(0, 2))
            {
                cached["Pipeline.Title"].Value.ShouldBe(framework["Pipeline.Title"].Value);
                cached["Pipeline.Days", 12].Value.ShouldBe(framework["Pipeline.Days", 12].Value);
                cached["No.Such.Key"].ResourceNotFound.ShouldBeTrue();
                cached["No.Such.Key"].Value.ShouldBe("No.Such.Key");
            }
        });
        InCulture(culture, () => cached["Pipeline.Days", 12].Value.ShouldBe(culture == "en" ? "12 d" : "12 天"));
    }

    [Fact]
    public void WhenTheLanguageChanges_TheNextLookupIsInTheNewLanguage()
    {
        var cached = new CachedStringLocalizer<SharedResource>(Services.GetRequiredService<IStringLocalizerFactory>());

        InCulture("en", () => cached["Pipeline.Days", 3].Value.ShouldBe("3 d"));
        InCulture("zh-CN", () => cached["Pipeline.Days", 3].Value.ShouldBe("3 天"));
        InCulture("en", () => cached["Pipeline.Days", 3].Value.ShouldBe("3 d"));
    }

    private static void InCulture(string name, Action action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
