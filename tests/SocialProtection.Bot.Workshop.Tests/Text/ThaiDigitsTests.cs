using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiDigitsTests
{
    [Theory]
    [InlineData("๐๑๒๓๔๕๖๗๘๙", "0123456789")]
    [InlineData("พ.ศ. ๒๕๖๙", "พ.ศ. 2569")]
    [InlineData("ข้อ ๓.๒ and 42", "ข้อ 3.2 and 42")]
    [InlineData("", "")]
    public void Thai_digits_become_ascii_and_nothing_else_changes(string input, string expected)
    {
        Assert.Equal(expected, ThaiDigits.ToAscii(input));
    }

    [Fact]
    public void Text_without_thai_digits_is_returned_as_is()
    {
        const string text = "การคุ้มครองทางสังคม 2026";
        Assert.Same(text, ThaiDigits.ToAscii(text));
    }
}
