using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Text;

public sealed partial class CardTextTests
{
    // CommonMark plus the GFM-style extras (autolinks, tables, strikethrough, lists): more than any Teams host parses.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("[click](https://evil.example/login)")]
    [InlineData("ดูที่นี่ [คลิก](javascript:alert(1)) นะคะ")]
    [InlineData("![tracker](https://evil.example/pixel.png)")]
    [InlineData("[click][1]\n\n[1]: https://evil.example")]
    [InlineData("<https://evil.example>")]
    [InlineData("see https://evil.example and www.evil.example or mailto:boss@evil.example")]
    [InlineData("[a](<https://evil.example>)")]
    public void Links_and_images_do_not_work_but_still_read_as_typed(string input)
    {
        var html = Html(CardText.Escape(input));

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(Reading(input), Seen(CardText.Escape(input)));
    }

    [Theory]
    [InlineData("<at>Someone</at> please approve", "Someone please approve")]
    [InlineData("<at id=\"0\">ผู้อำนวยการ</at> ช่วยดูด้วย", "ผู้อำนวยการ ช่วยดูด้วย")]
    [InlineData("<b>bold</b> <script>alert(1)</script>", "bold alert(1)")]
    [InlineData("<<at>at>x</at>", "<at>x")]
    [InlineData("line one<br>line two", "line one line two")]
    public void Tags_and_mentions_are_removed_and_their_words_kept(string input, string reads)
    {
        var escaped = CardText.Escape(input);

        Assert.DoesNotMatch(TagPattern(), escaped);
        Assert.DoesNotContain("<", Html(escaped).Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(reads, Seen(escaped));
    }

    [Theory]
    [InlineData("**bold** and __strong__", "strong")]
    [InlineData("*ความไว้เนื้อเชื่อใจ* สำคัญ _มาก_", "em")]
    [InlineData("~~งบประมาณ~~ ไม่พอ", "del")]
    [InlineData("use `code` here", "code")]
    [InlineData("# หัวข้อใหญ่", "h1")]
    [InlineData("Title\n===", "h1")]
    [InlineData("   ## indented heading", "h2")]
    [InlineData("- งบประมาณ\n- เครือข่าย", "ul")]
    [InlineData("* one\n+ two", "ul")]
    [InlineData("1. first\n2) second", "ol")]
    [InlineData("> quoted", "blockquote")]
    [InlineData("a | b\n--|--\n1 | 2", "table")]
    [InlineData("text\n\n---\n\nmore", "hr")]
    public void Markdown_formatting_is_shown_as_typed_not_applied(string input, string element)
    {
        var escaped = CardText.Escape(input);

        Assert.DoesNotContain("<" + element, Html(escaped), StringComparison.Ordinal);
        Assert.Equal(Reading(input), Seen(escaped));
    }

    [Fact]
    public void Entities_card_functions_and_backslashes_show_as_typed()
    {
        const string input = @"&amp; &lt;at&gt; {{DATE(2026-12-31T07:30:00Z, SHORT)}} C:\temp\*x* \";

        var escaped = CardText.Escape(input);

        Assert.DoesNotContain("{{", escaped, StringComparison.Ordinal);
        Assert.Equal(Reading(input), Seen(escaped));
    }

    [Fact]
    public void Single_emphasis_characters_are_left_alone()
    {
        Assert.Equal("5 * 3 = 15 และ snake_case", CardText.Escape("5 * 3 = 15 และ snake_case"));
    }

    [Fact]
    public void Plain_thai_text_is_unchanged()
    {
        const string text = "การพัฒนาคุณภาพความเป็นเครือข่ายได้จริง ต้องอาศัยความคุ้นเคย ความไว้เนื้อเชื่อใจระหว่างกัน (mutual trust) ต้องพัฒนาความสัมพันธ์ทางสังคม";

        Assert.Equal(text, CardText.Escape(text));
    }

    [Fact]
    public void A_huge_word_is_broken_every_sixty_characters_and_keeps_its_letters()
    {
        var word = new string('a', 10_000);

        var escaped = CardText.Escape("see " + word + " end");

        Assert.All(escaped.Split([' ', '\u200B']), piece => Assert.True(piece.Length <= 60, $"{piece.Length}"));
        Assert.Equal("see " + word + " end", escaped.Replace("\u200B", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_unbreakable_run_is_never_broken_inside_a_character()
    {
        var run = string.Concat(Enumerable.Repeat("e\u0301", 200)); // é written as e + combining acute

        var escaped = CardText.Escape(run);

        Assert.Contains('\u200B', escaped);
        Assert.Equal(run, escaped.Replace("\u200B", "", StringComparison.Ordinal));
        Assert.Equal([60, 60, 60, 20], escaped.Split('\u200B').Select(TextLength.Count));
        Assert.All(escaped.Split('\u200B'), piece => Assert.Equal(0, piece.Length % 2));
    }

    [Fact]
    public void A_long_thai_sentence_needs_no_breaks_because_it_breaks_between_words()
    {
        const string sentence = "ควรกำหนดให้การคุ้มครองทางสังคมเป็นนโยบายที่สำคัญของประเทศมีการกำหนดเป้าหมายการดำเนินงานที่ชัดเจนและเป็นรูปธรรม";

        Assert.Equal(sentence, CardText.Escape(sentence));
    }

    [Fact]
    public void Control_characters_lone_surrogates_and_direction_overrides_are_removed()
    {
        var input = "a\u0000b\u0007c\u001Bd\uD800e\uDC00f\u202Eg\u2066h\uFFFFi 👍 ok";

        Assert.Equal("abcdefghi 👍 ok", CardText.Escape(input));
    }

    [Fact]
    public void Each_line_stays_its_own_line()
    {
        Assert.Equal("บรรทัดแรก\n\nบรรทัดสอง\n\nบรรทัดสาม", CardText.Escape("บรรทัดแรก\r\nบรรทัดสอง\n\n\n\tบรรทัดสาม\r"));
    }

    [Fact]
    public void Escaping_twice_changes_nothing_more()
    {
        const string input = "**[x](https://e.example)** <at>y</at>\n# z\n- w " + "llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll";

        var once = CardText.Escape(input);

        Assert.Equal(once, CardText.Escape(once));
    }

    [Fact]
    public void Empty_text_stays_empty()
    {
        Assert.Equal("", CardText.Escape(""));
        Assert.Equal("", CardText.Escape(" \n \r\n "));
    }

    [Theory]
    [InlineData("สั้น", 10, "สั้น")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdef", 5, "abcd…")]
    [InlineData("abc def", 5, "abc…")]
    [InlineData("abcdef", 1, "…")]
    [InlineData("น้ำน้ำน้ำ", 2, "น้ำ…")]
    [InlineData("👍🏽👍🏽👍🏽", 2, "👍🏽…")]
    [InlineData("e\u0301e\u0301e\u0301", 3, "e\u0301e\u0301e\u0301")]
    public void Truncate_never_cuts_a_character_in_half(string text, int max, string expected)
    {
        var truncated = CardText.Truncate(text, max);

        Assert.Equal(expected, truncated);
        Assert.True(TextLength.Count(truncated) <= max);
    }

    [Fact]
    public void Truncate_rejects_a_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CardText.Truncate("abc", 0));
    }

    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, Markdown);

    // What a person reads in the rendered card: text content, invisible characters gone, look-alikes read as what they look like.
    private static string Seen(string escaped)
    {
        var text = WebUtility.HtmlDecode(AnyTag().Replace(Html(escaped), " "));
        text = text.Replace("\u200B", "", StringComparison.Ordinal)
            .Replace('\u2217', '*').Replace('\u02CD', '_').Replace('\u223C', '~').Replace('\u02CB', '`');
        return Whitespace().Replace(text, " ").Trim();
    }

    // What the writer typed, as a reader would take it in: the same characters, whitespace aside.
    private static string Reading(string input) => Whitespace().Replace(input, " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z]")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
