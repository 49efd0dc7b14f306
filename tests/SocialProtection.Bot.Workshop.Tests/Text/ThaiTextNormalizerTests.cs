using System.Text;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiTextNormalizerTests
{
    [Theory]
    [InlineData("นำาเสนอ", "นำเสนอ")]
    [InlineData("ความจำาเป็น", "ความจำเป็น")]
    [InlineData("อำานาจ", "อำนาจ")]
    [InlineData("น\u0E4D\u0E32", "นำ")]
    [InlineData("น\u0E4D\u0E49\u0E32", "น้ำ")]
    [InlineData("การคุ้มครองทางสังคม", "การคุ้มครองทางสังคม")]
    [InlineData("", "")]
    public void Sara_am_is_spelled_one_way(string input, string expected)
    {
        Assert.Equal(expected, ThaiTextNormalizer.Normalize(input));
    }

    [Fact]
    public void Text_comes_out_in_nfc()
    {
        Assert.Equal("café", ThaiTextNormalizer.Normalize("cafe\u0301"));
        Assert.True(ThaiTextNormalizer.Normalize("e\u0301").IsNormalized(NormalizationForm.FormC));
    }
}
