using System.Reflection;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class ProgressReminderTextTests
{
    private static IReadOnlyList<string> DeclaredKeys { get; } =
        [.. typeof(ProgressReminderTextKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Every_key_has_Thai_and_English_text_with_the_same_placeholders_and_every_text_has_a_key()
    {
        var text = ProgressReminderText.Default;

        Assert.Equal(DeclaredKeys.Order(StringComparer.Ordinal), text.Keys.Order(StringComparer.Ordinal));
        Assert.All(DeclaredKeys, key =>
        {
            Assert.Contains(text[key].Th, c => c is >= '\u0E00' and <= '\u0E7F');
            Assert.False(string.IsNullOrWhiteSpace(text[key].En));
            Assert.Equal(Placeholders(text[key].Th), Placeholders(text[key].En));
        });
    }

    [Fact]
    public void Every_key_is_used_by_the_bot()
    {
        var source = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "SocialProtection.Bot.Workshop"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("ProgressReminderTextKeys.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        Assert.All(typeof(ProgressReminderTextKeys).GetFields(BindingFlags.Public | BindingFlags.Static),
            f => Assert.Contains("ProgressReminderTextKeys." + f.Name, source, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Placeholders(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
}
