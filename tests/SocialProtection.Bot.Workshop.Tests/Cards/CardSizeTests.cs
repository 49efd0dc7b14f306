using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Cards;

public sealed class CardSizeTests
{
    public static TheoryData<Language> Languages => [Language.Thai, Language.English];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_stays_under_28_KB_as_Teams_counts_it_even_with_the_longest_Thai_answers(Language language)
    {
        var set = QuestionSetLoader.LoadDefault();
        var sizes = CardSamples.All(set, language).Select(c => (c.Name, Bytes: CardBudget.Measure(c.Card))).ToList();

        Assert.All(sizes, s => Assert.True(s.Bytes <= 28_000, $"{s.Name} is {s.Bytes} bytes"));
        // Each kind of card was measured, and the review really needed splitting.
        Assert.Contains(sizes, s => s.Name.StartsWith("commitment step", StringComparison.Ordinal));
        Assert.Contains(sizes, s => s.Name == "review part 2");
    }

    [Fact]
    public void The_split_review_shows_every_answer_exactly_once()
    {
        var set = QuestionSetLoader.LoadDefault();
        var record = CardSamples.FullRecord(set);
        var parts = ParticipantCardRenderer.Render(new Bot.Workshop.Participants.ParticipantView.ReviewCards(), CardSamples.Context(record, set, Language.Thai))
            .OfType<RenderedReply.CardReply>()
            .Select(c => AdaptiveCardJson.Serialize(c.Card))
            .ToList();

        var longest = CardSamples.WorstThai(2000);
        var occurrences = parts.Sum(json => CountOf(json, longest));
        Assert.Equal(set.Questions.Count(q => q.Kind == QuestionKind.LongText), occurrences);
        Assert.Contains("lesson.submit", parts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("lesson.submit", string.Concat(parts.SkipLast(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Cards_for_a_question_set_at_every_limit_stay_under_28_KB()
    {
        var set = MaximalSet();
        var sizes = CardSamples.All(set, Language.Thai).Select(c => (c.Name, Bytes: CardBudget.Measure(c.Card))).ToList();
        Assert.All(sizes, s => Assert.True(s.Bytes <= 28_000, $"{s.Name} is {s.Bytes} bytes"));
    }

    /// <summary>A set whose every text, choice and list is as long as the loader allows.</summary>
    private static QuestionSet MaximalSet()
    {
        string Text(int n) => CardSamples.WorstThai(n / 3);
        string Localized(int n) => $$"""{ "th": "{{Text(n)}}", "en": "{{new string('W', n)}}" }""";
        var choices = string.Join(",", Enumerable.Range(1, QuestionLimits.MaxChoices).Select(i => $$"""{ "value": "c{{i}}", "label": {{Localized(QuestionLimits.MaxChoiceLabelLength)}} }"""));
        var common = "\"required\": true, \"text\": " + Localized(QuestionLimits.MaxQuestionTextLength) + ", \"help\": " + Localized(QuestionLimits.MaxHelpLength);
        var json = $$"""
        {
          "id": "maximal", "version": 1, "title": {{Localized(QuestionLimits.MaxQuestionTextLength)}}, "introduction": {{Localized(QuestionLimits.MaxHelpLength)}},
          "questions": [
            { "id": "t", "kind": "longText", {{common}}, "maxLength": {{QuestionLimits.MaxMaxLength}}, "placeholder": {{Localized(QuestionLimits.MaxPlaceholderLength)}} },
            { "id": "s", "kind": "singleChoice", {{common}}, "choices": [{{choices}}] },
            { "id": "m", "kind": "multiChoice", {{common}}, "choices": [{{choices}}] },
            { "id": "r", "kind": "rating", {{common}}, "lowLabel": {{Localized(QuestionLimits.MaxChoiceLabelLength)}}, "highLabel": {{Localized(QuestionLimits.MaxChoiceLabelLength)}} },
            { "id": "d", "kind": "date", {{common}} },
            { "id": "c", "kind": "commitments", {{common}}, "minItems": 1, "maxItems": {{QuestionLimits.MaxMaxCommitments}},
              "actionMaxLength": {{QuestionLimits.MaxActionMaxLength}}, "organisationMaxLength": {{QuestionLimits.MaxOrganisationMaxLength}} }
          ]
        }
        """;
        return QuestionSetLoader.Load(json, "maximal");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
