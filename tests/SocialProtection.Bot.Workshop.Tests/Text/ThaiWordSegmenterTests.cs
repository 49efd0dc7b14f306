using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed class ThaiWordSegmenterTests
{
    // Lines of the workshop's summary report (pages 11 and 38), as extracted from the PDF, SARA AM doubled and all.
    private const string ReportTitle =
        "รายงานสรุปผล การประชุมเชิงปฏิบัติการเพื่อนำาเสนอความก้าวหน้าด้านการคุ้มครองทางสังคมการแลกเปลี่ยนแนวปฏิบัติ";

    private const string TrustSentence =
        "อนึ่ง การพัฒนาคุณภาพความเป็นเครือข่ายได้จริง ต้องอาศัยความคุ้นเคย ความไว้เนื้อเชื่อใจระหว่างกัน\n(mutual trust) ต้องพัฒนาความสัมพันธ์ทางสังคม (social relation)";

    private const string RecommendationLine =
        "๓) ควรนำาข้อแนะฉบับที่ ๒๐๒ – ข้อแนะว่าด้วยฐานความคุ้มครองทางสังคม เมื่อวันที่ ๑๔ มิถุนายน ๒๕๕๕";

    [Fact]
    public void Thai_is_split_into_dictionary_words()
    {
        Assert.Equal(["การ", "คุ้มครอง", "ทาง", "สังคม"], Words("การคุ้มครองทางสังคม"));
    }

    [Fact]
    public void Report_title_is_split_into_words_with_the_pdf_sara_am_repaired()
    {
        var words = Words(ReportTitle);

        Assert.Contains("นำ", words);
        Assert.DoesNotContain(words, w => w.Contains("ำา", StringComparison.Ordinal));
        Assert.Equal(["การ", "คุ้มครอง", "ทาง", "สังคม"], words.SkipWhile(w => w != "ด้าน").Skip(1).Take(4));
        Assert.Equal("แนวปฏิบัติ", words[^1]);
        Assert.Equal(string.Concat(words), ThaiTextNormalizer.Normalize(ReportTitle).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Mixed_thai_and_english_keeps_both_and_lowercases_latin()
    {
        var tokens = ThaiWordSegmenter.Segment("ILO R202 และการคุ้มครองทางสังคม");

        Assert.Equal(["ilo", "r202", "และ", "การ", "คุ้มครอง", "ทาง", "สังคม"], tokens.Select(t => t.Text));
        Assert.Equal(["ILO", "R202"], tokens.Take(2).Select(t => t.Surface));
        Assert.Equal([TokenKind.Latin, TokenKind.Latin, TokenKind.Thai], tokens.Take(3).Select(t => t.Kind));
    }

    [Fact]
    public void Whitespace_and_punctuation_are_dropped_but_remembered_as_gaps()
    {
        var tokens = ThaiWordSegmenter.Segment(TrustSentence);

        Assert.DoesNotContain(tokens, t => t.Text.Any(c => char.IsWhiteSpace(c) || char.IsPunctuation(c)));
        var mutual = tokens.Single(t => t.Text == "mutual");
        Assert.Equal(TokenGap.Break, mutual.Gap); // after a line break and "("
        Assert.Equal(TokenGap.Space, tokens.Single(t => t.Text == "trust").Gap);
        Assert.Equal(TokenGap.Break, tokens[0].Gap);
        Assert.Contains(tokens, t => t.Text == "ไว้เนื้อเชื่อใจ" && t.Gap == TokenGap.None);
    }

    [Fact]
    public void Thai_digits_are_kept_as_written_and_flagged()
    {
        var tokens = ThaiWordSegmenter.Segment(RecommendationLine);

        var numbers = tokens.Where(t => t.Kind == TokenKind.Number).ToList();
        Assert.Equal(["๓", "๒๐๒", "๑๔", "๒๕๕๕"], numbers.Select(t => t.Text));
        Assert.All(numbers, t => Assert.True(t.HasThaiDigits));
        Assert.False(ThaiWordSegmenter.Segment("2026")[0].HasThaiDigits);
        Assert.Contains(tokens, t => t.Text == "มิถุนายน");
    }

    [Fact]
    public void Compounds_that_icu_splits_come_out_as_one_word()
    {
        Assert.Equal(["ความ", "ไว้เนื้อเชื่อใจ"], Words("ความไว้เนื้อเชื่อใจ"));
        Assert.Equal(["ภาค", "ประชาสังคม"], Words("ภาคประชาสังคม"));
        Assert.Equal(["เครือข่าย", "พันธมิตร"], Words("เครือข่ายพันธมิตร"));
        Assert.Equal(["การ", "มี", "ส่วนร่วม"], Words("การมีส่วนร่วม"));
    }

    [Fact]
    public void Every_listed_compound_is_one_word()
    {
        Assert.All(ThaiCompounds.All, compound => Assert.Equal([compound], Words(compound)));
    }

    [Fact]
    public void Compounds_are_not_joined_across_a_space()
    {
        Assert.Equal(["งบ", "ประมาณ"], Words("งบ ประมาณ"));
    }

    [Fact]
    public void Repetition_mark_written_apart_joins_its_word()
    {
        Assert.Equal(["ผู้", "มี", "ส่วน", "เกี่ยวข้อง", "อื่นๆ"], Words("ผู้มีส่วนเกี่ยวข้องอื่น ๆ"));
    }

    [Fact]
    public void Typographic_apostrophe_reads_as_the_plain_one()
    {
        Assert.Equal(Words("don't"), Words("Don’t"));
    }

    [Fact]
    public void Zero_width_characters_do_not_split_or_glue_words()
    {
        Assert.Equal(Words("การทำงานแบบไซโล"), Words("การ\u200Bทำงาน\u200Dแบบไซ\u00ADโล"));
    }

    [Fact]
    public void Empty_and_blank_text_has_no_words()
    {
        Assert.Empty(ThaiWordSegmenter.Segment(""));
        Assert.Empty(ThaiWordSegmenter.Segment(" \n\t… !!! 😀"));
    }

    [Fact]
    public void Segmenting_from_many_threads_at_once_gives_the_same_words()
    {
        var expected = Words(TrustSentence);

        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8).Select(_ => Words(TrustSentence)).ToList();

        Assert.All(results, words => Assert.Equal(expected, words));
    }

    private static List<string> Words(string text) => ThaiWordSegmenter.Segment(text).Select(t => t.Text).ToList();
}
