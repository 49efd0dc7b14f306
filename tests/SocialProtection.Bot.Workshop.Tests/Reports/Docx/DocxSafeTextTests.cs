using SocialProtection.Bot.Workshop.Reports.Docx;

namespace SocialProtection.Bot.Workshop.Tests.Reports.Docx;

public sealed class DocxSafeTextTests
{
    [Theory]
    [InlineData("ปกติ ธรรมดา", "ปกติ ธรรมดา")]
    [InlineData("a\u0000b\u0007c\u001Fd\u007Fe\u0080f\u009Fg", "abcdefg")]
    [InlineData("left\u202Aembed\u202B\u202C\u202D\u202Eright", "leftembedright")]
    [InlineData("\u2066isolate\u2067\u2068\u2069", "isolate")]
    [InlineData("mark\u200E\u200F\u061C", "mark")]
    [InlineData("non\uFFFE\uFFFF\uFDD0character", "noncharacter")]
    [InlineData("one\r\ntwo\rthree\u2028four\u0085five", "one\ntwo\nthree\nfour\nfive")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("zero\u200Bwidth\u200Cjoiner\u200D", "zero\u200Bwidth\u200Cjoiner\u200D")]
    public void Keeps_what_people_wrote_and_drops_what_could_reorder_or_break_it(string input, string expected) =>
        Assert.Equal(expected, DocxSafeText.Clean(input));

    [Fact]
    public void Lone_surrogates_go_and_pairs_stay() =>
        Assert.Equal("lone  pair\uD83D\uDE00", DocxSafeText.Clean("lone\uD800 \uDC00 pair\uD83D\uDE00"));

    [Fact]
    public void Nothing_in_any_16_bit_value_survives_that_XML_forbids()
    {
        var all = new string(Enumerable.Range(0, 0x10000).Select(i => (char)i).ToArray());

        var clean = DocxSafeText.Clean(all);

        System.Xml.XmlConvert.VerifyXmlChars(clean); // throws on any character XML 1.0 forbids, lone surrogates included
        Assert.DoesNotContain('\r', clean);
    }
}
