using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class LanguageCodesTests
{
    [Theory]
    [InlineData("th", Language.Thai)]
    [InlineData("th-TH", Language.Thai)]
    [InlineData("TH_th", Language.Thai)]
    [InlineData(" th ", Language.Thai)]
    [InlineData("en", Language.English)]
    [InlineData("en-US", Language.English)]
    [InlineData("en-GB", Language.English)]
    public void Teams_locales_map_to_a_language(string code, Language expected)
    {
        Assert.True(LanguageCodes.TryParse(code, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr-FR")]
    [InlineData("thai")]
    [InlineData("e")]
    public void Other_codes_fall_back(string? code)
    {
        Assert.False(LanguageCodes.TryParse(code, out _));
        Assert.Equal(Language.Thai, LanguageCodes.ParseOrDefault(code, Language.Thai));
        Assert.Equal(Language.English, LanguageCodes.ParseOrDefault(code, Language.English));
    }

    [Fact]
    public void Languages_have_two_letter_codes()
    {
        Assert.Equal("th", Language.Thai.ToCode());
        Assert.Equal("en", Language.English.ToCode());
    }
}
