using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crm.Domain.Organization;
using Crm.Web.Resources;
using Crm.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Localization;

/// <summary>Every visible text comes from resources in English and Simplified Chinese (ARCHITECTURE §7).</summary>
public sealed partial class SharedResourceTests
{
    private static readonly Lazy<Dictionary<string, string>> English = new(() => Load("SharedResource.resx"));
    private static readonly Lazy<Dictionary<string, string>> Chinese = new(() => Load("SharedResource.zh-CN.resx"));

    [Fact]
    public void WhenAKeyIsInEnglish_ItIsInChineseToo()
    {
        English.Value.Keys.Except(Chinese.Value.Keys).ShouldBeEmpty();
    }

    [Fact]
    public void WhenAKeyIsInChinese_ItIsInEnglishToo()
    {
        Chinese.Value.Keys.Except(English.Value.Keys).ShouldBeEmpty();
    }

    [Fact]
    public void WhenATextIsLookedUp_NoLanguageHasItEmpty()
    {
        English.Value.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en: " + e.Key)
            .Concat(Chinese.Value.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "zh-CN: " + e.Key))
            .ShouldBeEmpty();
    }

    [Fact]
    public void WhenATextHasPlaceholders_BothLanguagesHaveTheSameOnes()
    {
        English.Value.Keys.Intersect(Chinese.Value.Keys)
            .Where(key => !Placeholders(English.Value[key]).SetEquals(Placeholders(Chinese.Value[key])))
            .ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheAppLooksUpAKey_ItExistsInTheResources()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in RepositoryFiles.SourceFiles("Crm.Web", ".razor", ".cs"))
        {
            foreach (Match use in LiteralLookup().Matches(File.ReadAllText(file)))
            {
                var key = use.Groups["key"].Value;
                if (!English.Value.ContainsKey(key))
                {
                    missing.Add($"{key} ({Path.GetFileName(file)})");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheSourcesAreScanned_LiteralLookupsAreFound()
    {
        // Guards the scan above: if the pattern stopped matching, that test would pass on nothing.
        var found = RepositoryFiles.SourceFiles("Crm.Web", ".razor", ".cs")
            .SelectMany(f => LiteralLookup().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        found.ShouldContain("Notifications.MarkAllRead");
        found.ShouldContain("Shell.UnexpectedError");
        found.ShouldContain("Admin.Users.Saved");
    }

    [Fact]
    public void WhenARoleIsShown_ItHasAName()
    {
        // Role names are looked up as $"Role.{role}".
        Roles.All.Select(r => "Role." + r).Where(k => !English.Value.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void WhenAUserRuleIsRefused_TheReasonHasAText()
    {
        // RuleMessages shows "Rule.{code}"; without it a Chinese user reads the domain's English.
        // user.identity passes ASP.NET Identity's own description through, so it has no text of its own.
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in RepositoryFiles.SourceFiles("Crm.Domain", ".cs").Concat(RepositoryFiles.SourceFiles("Crm.Web", ".cs")))
        {
            var source = File.ReadAllText(file);
            codes.UnionWith(RuleCode().Matches(source).Select(m => m.Groups["code"].Value));
            foreach (Match guarded in GuardedText().Matches(source))
            {
                codes.Add(guarded.Groups["code"].Value + "-required");
                codes.Add(guarded.Groups["code"].Value + "-too-long");
            }
        }

        codes.Remove("user.identity");
        codes.ShouldContain("user.email-taken");
        codes.ShouldContain("user.display-name-required");
        codes.Where(c => !English.Value.ContainsKey("Rule." + c)).ShouldBeEmpty();
    }

    [Fact]
    public void WhenAPipelineRuleIsRefused_TheReasonHasAText()
    {
        // Moves, the drawer and the pipeline settings show these through RuleMessages too.
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in RepositoryFiles.SourceFiles("Crm.Domain", ".cs").Concat(RepositoryFiles.SourceFiles("Crm.Web", ".cs")))
        {
            var source = File.ReadAllText(file);
            codes.UnionWith(PipelineRuleCode().Matches(source).Select(m => m.Groups["code"].Value));
            foreach (Match guarded in PipelineGuardedText().Matches(source))
            {
                codes.Add(guarded.Groups["code"].Value + "-required");
                codes.Add(guarded.Groups["code"].Value + "-too-long");
            }
        }

        codes.ShouldContain("opportunity.stage-requires-needs-summary");
        codes.ShouldContain("opportunity.title-too-long");
        codes.Where(c => !English.Value.ContainsKey("Rule." + c)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("en", "Mark all read")]
    [InlineData("zh-CN", "全部已读")]
    public void WhenTheAppRunsInACulture_TheLocalizerReadsThatLanguage(string culture, string expected)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = localizer["Notifications.MarkAllRead"];

            text.ResourceNotFound.ShouldBeFalse();
            text.Value.ShouldBe(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Dictionary<string, string> Load(string file)
    {
        var document = XDocument.Load(RepositoryFiles.PathOf("Crm.Web", "Resources", file));
        var entries = document.Root!.Elements("data").Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? string.Empty)).ToList();
        entries.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty($"{file} has duplicate keys");
        return entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    // L["Key"] or L["Key", args], also through an injected Localizer/localizer. $"..." and "Rule." + code are dynamic: skipped.
    [GeneratedRegex("""\b(?:L|Localizer|localizer)\[\s*"(?<key>[^"]+)"\s*[,\]]""")]
    private static partial Regex LiteralLookup();

    [GeneratedRegex("""DomainRuleViolation\(\s*"(?<code>(?:user|email)\.[^"]+)"\s*,""")]
    private static partial Regex RuleCode();

    [GeneratedRegex("""Guard\.Text\([^;]*?"(?<code>user\.[^"]+)"\s*,""")]
    private static partial Regex GuardedText();

    [GeneratedRegex("""DomainRuleViolation\(\s*"(?<code>(?:opportunity|followup|blueprint|scoring|stale-rule|pipeline-settings)\.[^"]+)"\s*,""")]
    private static partial Regex PipelineRuleCode();

    [GeneratedRegex("""Guard\.Text\([^;]*?"(?<code>(?:opportunity|followup)\.[^"]+)"\s*,""")]
    private static partial Regex PipelineGuardedText();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
