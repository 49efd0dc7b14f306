using System.Reflection;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

public sealed class FacilitationTextTests
{
    private static IReadOnlyList<string> DeclaredKeys { get; } =
        [.. typeof(FacilitationTextKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void Every_key_has_Thai_and_English_text_and_every_text_has_a_key()
    {
        var text = FacilitationText.Default;

        Assert.Equal(DeclaredKeys.Order(StringComparer.Ordinal), text.Keys.Order(StringComparer.Ordinal));
        Assert.All(DeclaredKeys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text[key].Th));
            Assert.False(string.IsNullOrWhiteSpace(text[key].En));
            Assert.Contains(text[key].Th, c => c is >= '\u0E00' and <= '\u0E7F');
        });
    }

    [Fact]
    public void Every_key_is_used_by_the_bot()
    {
        var source = string.Concat(Directory.EnumerateFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("FacilitationTextKeys.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var unused = typeof(FacilitationTextKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => !source.Contains("FacilitationTextKeys." + f.Name, StringComparison.Ordinal))
            .Select(f => f.Name)
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void Both_languages_take_the_same_placeholders()
    {
        var text = FacilitationText.Default;
        Assert.All(DeclaredKeys, key =>
            Assert.Equal(Placeholders(text[key].Th), Placeholders(text[key].En)));
    }

    private static IEnumerable<string> Placeholders(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "SocialProtection.Bot.Workshop");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("The Workshop source folder was not found above the test output.");
    }
}
