using SocialProtection.Bot.Workshop.Summaries.Ideas;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Tests.Summaries.Ideas;

/// <summary>What a human reader expects of any idea list, checked against the public ICU segmenter, not the idea code.</summary>
internal static class IdeaAssert
{
    // Words that must never stand as a label's first or last word: skips, fillers and the bare verbs the issue names.
    private static readonly HashSet<string> NeverAtEdge = new(ThemeVocabulary.AllStopWords.Where(w => w is not ("การ" or "ความ")), StringComparer.Ordinal)
    {
        "ข้าม", "skip", "ไม่มี", "ความเห็น", "เพิ่มเติม", "เห็นด้วย", "ข้างบน", "ช่วย", "เพิ่ม", "ทำ", "ควร", "n", "a", "na", "ok",
    };

    /// <summary>
    /// The label is a run of whole words of one of the answers behind the idea: it starts where an ICU word of that
    /// answer starts and ends where one ends (so it never cuts inside a word or a compound).
    /// </summary>
    public static void LabelIsWholeWords(Idea idea, IReadOnlyList<IdeaInput> inputs)
    {
        var sources = idea.Answers.Select(a => inputs[a.Input].Text);
        Assert.True(sources.Any(source => IsWordRun(idea.Label, source)), $"'{idea.Label}' is not a run of whole words of any answer behind it");
    }

    public static void LabelIsNoFiller(Idea idea)
    {
        var words = ThaiWordSegmenter.Segment(idea.Label);
        Assert.NotEmpty(words);
        Assert.DoesNotContain(words[0].Text, NeverAtEdge);
        Assert.DoesNotContain(words[^1].Text, NeverAtEdge);
        Assert.True(words.Count > 1 || words[0].Text.Length > 1, idea.Label);
    }

    /// <summary>Every check that holds for any group.</summary>
    public static void Readable(IdeaSet set, IReadOnlyList<IdeaInput> inputs)
    {
        foreach (var idea in set.Ideas)
        {
            LabelIsWholeWords(idea, inputs);
            LabelIsNoFiller(idea);
            Assert.True(idea.ParticipantCount >= 2, idea.Label);
            Assert.Equal(idea.ParticipantCount, idea.Answers.Select(a => inputs[a.Input].ParticipantKey).Distinct().Count());
            Assert.InRange(idea.Quotes.Count, 1, 2);
            Assert.All(idea.Quotes, q => Assert.Contains(idea.Answers, a => a.Input == q.Input));
        }
        // The same people under two labels that share a word would be one idea told twice.
        foreach (var a in set.Ideas)
        {
            foreach (var b in set.Ideas.Where(b => !ReferenceEquals(a, b)))
            {
                Assert.NotEqual(a.Label, b.Label);
                var samePeople = People(a, inputs).SetEquals(People(b, inputs));
                Assert.False(samePeople && Words(a.Label).Overlaps(Words(b.Label)), $"'{a.Label}' and '{b.Label}' are one idea");
            }
        }
        Assert.All(set.NoSubstantiveInputs, i => Assert.DoesNotContain(set.Ideas, idea => idea.Answers.Any(a => a.Input == i)));
    }

    public static HashSet<string> People(Idea idea, IReadOnlyList<IdeaInput> inputs) =>
        idea.Answers.Select(a => inputs[a.Input].ParticipantKey).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Words(string text) =>
        ThaiWordSegmenter.Segment(text).Select(t => t.Text).Where(w => !NeverAtEdge.Contains(w) && w is not ("การ" or "ความ")).ToHashSet(StringComparer.Ordinal);

    private static bool IsWordRun(string label, string answer)
    {
        var text = ThaiTextNormalizer.Normalize(answer);
        var tokens = ThaiWordSegmenter.Segment(text);
        var starts = new List<int>();
        var ends = new List<int>();
        var position = 0;
        foreach (var token in tokens)
        {
            var surface = token.Surface.TrimEnd('\u0E46');
            var at = text.IndexOf(surface, position, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }
            var end = token.Surface.Length > surface.Length ? text.IndexOf('\u0E46', at + surface.Length) + 1 : at + surface.Length;
            starts.Add(at);
            ends.Add(end);
            position = end;
        }
        for (var i = 0; i < starts.Count; i++)
        {
            for (var j = i; j < ends.Count; j++)
            {
                if (Collapse(text[starts[i]..ends[j]]) == label)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
