using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiDigitsFromAsciiTests
{
    [Theory]
    [InlineData("3 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)", "๓ ธันวาคม พ.ศ. ๒๕๖๙ (ค.ศ. ๒๐๒๖)")]
    [InlineData("3.1.1", "๓.๑.๑")]
    [InlineData("ไม่มีตัวเลข", "ไม่มีตัวเลข")]
    [InlineData("0123456789", "๐๑๒๓๔๕๖๗๘๙")]
    public void ASCII_digits_become_Thai_digits_and_nothing_else_changes(string input, string expected)
    {
        Assert.Equal(expected, ThaiDigits.FromAscii(input));
        Assert.Equal(input, ThaiDigits.ToAscii(ThaiDigits.FromAscii(input)));
    }
}
