using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class TextLengthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("น้ำ", 1)] // tone mark and SARA AM ride on the consonant
    [InlineData("ที่", 1)]
    [InlineData("เป็น", 3)] // the leading vowel เ is a letter of its own
    [InlineData("การคุ้มครองทางสังคม", 16)]
    [InlineData("👍🏽", 1)] // emoji with skin tone: two code points, four UTF-16 units
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("e\u0301", 1)]
    public void Counts_what_a_reader_sees_as_characters(string text, int expected)
    {
        Assert.Equal(expected, TextLength.Count(text));
    }

    [Fact]
    public void A_lone_surrogate_still_takes_a_place()
    {
        Assert.Equal(3, TextLength.Count("a\uD800b"));
    }

    [Fact]
    public void Thai_marks_do_not_eat_into_a_limit()
    {
        const string thai = "ความไว้เนื้อเชื่อใจ"; // 19 UTF-16 units
        Assert.True(TextLength.Count(thai) < thai.Length);
        Assert.Equal(14, TextLength.Count(thai));
    }

    [Fact]
    public void Utf16_bytes_are_two_per_code_unit()
    {
        Assert.Equal(0, TextLength.Utf16Bytes(""));
        Assert.Equal(6, TextLength.Utf16Bytes("น้ำ"));
        Assert.Equal(8, TextLength.Utf16Bytes("👍🏽"));
    }
}
