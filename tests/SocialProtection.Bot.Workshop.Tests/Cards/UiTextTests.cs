using System.Reflection;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Tests.Cards;

public sealed partial class UiTextTests
{
    private static IEnumerable<string> KeyConstants() => typeof(UiTextKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_text_exists_in_Thai_and_English_and_every_entry_is_used()
    {
        var keys = KeyConstants().ToHashSet();
        Assert.Equal(keys.Order(), UiText.Default.Keys.Order());
        Assert.All(keys, key =>
        {
            var text = UiText.Default[key];
            Assert.False(string.IsNullOrWhiteSpace(text.Th), key);
            Assert.False(string.IsNullOrWhiteSpace(text.En), key);
            Assert.Matches(ThaiLetters(), text.Th + (key == UiTextKeys.ActionOtherLanguage ? "ไทย" : ""));
        });
    }

    [Fact]
    public void Both_languages_of_a_text_take_the_same_placeholders()
    {
        Assert.All(KeyConstants(), key =>
        {
            var text = UiText.Default[key];
            Assert.Equal(Placeholders(text.Th), Placeholders(text.En));
        });
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u0E01-\u0E4F]")]
    private static partial Regex ThaiLetters();
}
