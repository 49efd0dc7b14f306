using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Finds the words and phrases that recur across participants' answers, for summaries.
/// <list type="bullet">
/// <item>Answers are split into words (<see cref="ThaiWordSegmenter"/>); phrases are runs of 1 to
/// <see cref="ThemeOptions.MaxPhraseWords"/> consecutive words that do not cross punctuation, line breaks or a space between Thai words.</item>
/// <item>A participant counts once per phrase however often they repeat it; repeats add to the occurrence count.</item>
/// <item>A theme may not start or end with a stop word (Thai or English function word), a number or a single character,
/// but may contain them inside (คุ้มครองทางสังคม). The nominalizers การ/ความ are stop words on their own but may start
/// a phrase when a content word or a light verb follows (ความไว้เนื้อเชื่อใจ, การมีส่วนร่วม); such a leading
/// nominalizer does not count towards the phrase length.</item>
/// <item>Maximal phrases win: a theme is dropped when a longer theme contains it, was written by the same participants and
/// accounts for at least half of its occurrences (it mostly appears inside the longer one), so ICU's pieces
/// คุ้มครอง + ทาง + สังคม come out as one theme, while a phrase a participant repeats on its own is not swallowed by
/// the one time they wrote it inside a longer phrase.</item>
/// <item>Order is deterministic: participants descending, occurrences descending, then ordinal text (then the words'
/// ordinal order), so the same answers in any order give the same themes. When two different word splits display the
/// same text, only the first in that order is kept.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public static class ThemeExtractor
{
    public static IReadOnlyList<Theme> Extract(
        IEnumerable<ThemeInput> answers, ThemeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= ThemeOptions.Default;
        options.Validate();

        var corpus = ThemeCorpus.Build(answers, cancellationToken);
        var maxLength = options.MaxPhraseWords + 1;
        var phrases = FrequentPhrases.Count(
            corpus, options.MinParticipants, maxLength, word => corpus.Role(word) == WordRole.Nominalizer, cancellationToken);

        var candidates = phrases.All().Where(phrase => IsTheme(corpus, phrase.Words, options.MaxPhraseWords)).ToList();
        var candidateIds = candidates.Select(c => c.Id).ToHashSet();
        var contained = new HashSet<long>();
        foreach (var longer in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MarkMostlyContained(longer, phrases, candidateIds, contained);
        }

        var themes = candidates
            .Where(c => !contained.Contains(c.Id))
            .Select(c => (Theme: new Theme(Display(corpus, c.Words), c.Participants, c.Occurrences), Words: WordTexts(corpus, c.Words)))
            .OrderByDescending(t => t.Theme.ParticipantCount)
            .ThenByDescending(t => t.Theme.OccurrenceCount)
            .ThenBy(t => t.Theme.Text, StringComparer.Ordinal)
            .ThenBy(t => t.Words, StringComparer.Ordinal);

        var result = new List<Theme>(options.MaxThemes);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (theme, _) in themes)
        {
            if (shown.Add(theme.Text))
            {
                result.Add(theme);
                if (result.Count == options.MaxThemes)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static bool IsTheme(ThemeCorpus corpus, int[] words, int maxPhraseWords)
    {
        var first = corpus.Role(words[0]);
        if (corpus.Role(words[^1]) != WordRole.Content)
        {
            return false;
        }

        if (first == WordRole.Content)
        {
            return words.Length <= maxPhraseWords;
        }

        return first == WordRole.Nominalizer
            && words.Length >= 2
            && corpus.Role(words[1]) is WordRole.Content or WordRole.LightVerb;
    }

    private static void MarkMostlyContained(
        PhraseCount longer, FrequentPhrases phrases, HashSet<long> candidateIds, HashSet<long> contained)
    {
        var words = longer.Words.AsSpan();
        for (var length = 1; length < words.Length; length++)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (phrases.TryFind(words.Slice(start, length), out var id, out var participants, out var occurrences)
                    && participants == longer.Participants
                    && 2L * longer.Occurrences >= occurrences
                    && candidateIds.Contains(id))
                {
                    contained.Add(id);
                }
            }
        }
    }

    private static string WordTexts(ThemeCorpus corpus, int[] words) => string.Join('\u0001', words.Select(corpus.Text));

    private static string Display(ThemeCorpus corpus, int[] words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && !(corpus.Kind(words[i - 1]) == TokenKind.Thai && corpus.Kind(words[i]) == TokenKind.Thai))
            {
                builder.Append(' ');
            }

            builder.Append(corpus.PreferredSurface(words[i]));
        }

        return builder.ToString();
    }
}
