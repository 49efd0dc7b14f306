using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SocialProtection.Bot.Workshop.Reports;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Reports;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("1. ข้อแรก\n2) ข้อสอง")]
    [InlineData("หัวเรื่อง\n===")]
    [InlineData("# หัวข้อ\n> อ้างอิง\n- รายการ\n+ อีกรายการ")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |")]
    [InlineData("`code` ``more`` ~~ลบ~~ *เอียง* __หนา__")]
    [InlineData("[x][ref]\n\n[ref]: https://evil.example")]
    [InlineData("<https://evil.example> &amp; &#x41; <b>หนา</b>")]
    [InlineData("    โค้ดที่เยื้อง\n\n\n```\nfenced\n```")]
    public void Hostile_text_in_a_list_item_stays_one_plain_item(string hostile)
    {
        var markdown = "- **ผู้เข้าร่วม 1:** " + MarkdownText.Block(hostile) + "\n";

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build());

        var list = Assert.IsType<ListBlock>(Assert.Single(document));
        var item = Assert.IsType<ListItemBlock>(Assert.Single(list));
        Assert.IsType<ParagraphBlock>(Assert.Single(item));
        var inlines = document.Descendants<Inline>().ToList();
        Assert.Single(inlines.OfType<EmphasisInline>()); // only the label's own bold
        Assert.Empty(inlines.OfType<LinkInline>());
        Assert.Empty(inlines.OfType<CodeInline>());
        Assert.Empty(inlines.OfType<HtmlInline>());
        Assert.Empty(inlines.OfType<HtmlEntityInline>());
        var shown = string.Concat(inlines.OfType<LiteralInline>().Select(l => l.Content.ToString()));
        foreach (var word in hostile.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(word, shown, StringComparison.Ordinal);
        }
    }
}
