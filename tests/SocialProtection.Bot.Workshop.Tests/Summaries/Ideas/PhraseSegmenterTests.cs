using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Summaries.Ideas;

public sealed class PhraseSegmenterTests
{
    private static readonly string[] Tricky =
    [
        "กลุ่มประชากรต่าง ๆ จำเป็นต้องได้รับการคุ้มครอง",
        "ต่าง  ๆ  และ ๆ ๆ",
        "ILO Recommendation No. 202 ว่าด้วยฐานการคุ้มครองทางสังคม (social protection floor)",
        "เพิ่มงบให้ อปท.\n- ดูแลผู้สูงอายุ\n- คนพิการ",
        "นำาเสนอความก้าวหน้า\u200Bด้านการคุ้มครอง\u00A0ทางสังคม ๒๕๖๙",
        "one-stop service, big data; KPI 3.5 % 😀👍 ...",
        "   ",
        "",
    ];

    [Fact]
    public void Phrase_by_phrase_gives_the_words_of_the_whole_text()
    {
        var generator = new ThaiAnswerGenerator(5);
        var texts = Tricky
            .Concat(BreakoutGroups.All.SelectMany(g => g).Select(a => a.Text))
            .Concat(Enumerable.Range(0, 40).Select(i => generator.Answer(200 + 37 * i)))
            .Select(IdeaText.Normalize)
            .ToList();
        var segmenter = new PhraseSegmenter();

        foreach (var text in texts.Concat(texts))
        {
            var whole = ThaiWordSegmenter.Segment(text);
            Assert.True(IdeaText.TryLocate(text, whole, out var starts, out var ends), text);
            Assert.True(segmenter.TrySegment(text, out var tokens, out var phraseStarts, out var phraseEnds), text);
            Assert.Equal(whole.Select(t => (t.Text, t.Surface, t.Kind)), tokens.Select(t => (t.Text, t.Surface, t.Kind)));
            Assert.Equal(starts, phraseStarts);
            Assert.Equal(ends, phraseEnds);
        }
    }
}
