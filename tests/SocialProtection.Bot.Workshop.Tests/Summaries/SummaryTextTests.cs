using System.Reflection;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

public sealed class SummaryTextTests
{
    private static readonly string[] DeclaredKeys = typeof(SummaryTextKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_declared_key_has_Thai_and_English_and_no_entry_is_orphaned()
    {
        var text = SummaryText.Default;

        Assert.Equal(DeclaredKeys.Order(StringComparer.Ordinal), text.Keys.Order(StringComparer.Ordinal));
        Assert.All(DeclaredKeys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text[key].Th));
            Assert.False(string.IsNullOrWhiteSpace(text[key].En));
        });
    }

    [Fact]
    public void Every_key_is_used_by_the_code()
    {
        var source = Path.Combine(SocialProtection.Bot.TestSupport.RepoPaths.Root, "src", "SocialProtection.Bot.Workshop");
        var code = string.Join("\n", Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("SummaryTextKeys.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var names = typeof(SummaryTextKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name);

        Assert.All(names, name => Assert.Contains("SummaryTextKeys." + name, code, StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_are_plain_text_without_markdown()
    {
        Assert.All(DeclaredKeys, key => Assert.DoesNotMatch(@"[*_\[\]`#<>]", SummaryText.Default[key].Th + SummaryText.Default[key].En));
    }
}
