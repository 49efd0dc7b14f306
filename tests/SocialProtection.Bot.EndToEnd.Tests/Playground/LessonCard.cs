using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Playground;

/// <summary>Reads the participant's lesson cards as a Teams user meets them: which question, which inputs, which buttons.</summary>
internal static class LessonCard
{
    /// <summary>The question the card's Save button answers, or null when it has none.</summary>
    public static string? AnswerQuestionId(JsonElement card) =>
        AdaptiveCardReader.ExecuteActions(card)
            .Where(a => a.GetProperty("verb").GetString() == CardVerbs.Answer)
            .Select(a => a.TryGetProperty("data", out var data) && data.TryGetProperty("questionId", out var id) ? id.GetString() : null)
            .FirstOrDefault();

    /// <summary>The question an answered card shows (its Edit button names it), or null.</summary>
    public static string? EditQuestionId(JsonElement card) =>
        AdaptiveCardReader.HasExecute(card, CardVerbs.Edit)
            ? AdaptiveCardReader.ExecuteData(card, CardVerbs.Edit)["questionId"]?.GetValue<string>()
            : null;

    /// <summary>Every input element (<c>Input.*</c>) the card shows, show cards included.</summary>
    public static IReadOnlyList<JsonElement> Inputs(JsonElement card) =>
        AdaptiveCardReader.Elements(card).Where(e => e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                              && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal)).ToArray();

    /// <summary>The data of the Action.Submit that stands in for <paramref name="verb"/>'s Action.Execute where Execute does not work (Teams mobile).</summary>
    public static JsonObject SubmitFallbackData(JsonElement card, string verb)
    {
        var fallback = AdaptiveCardReader.Elements(card)
            .Where(e => e.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute"
                        && e.TryGetProperty("verb", out var v) && v.GetString() == verb
                        && e.TryGetProperty("fallback", out _))
            .Select(e => e.GetProperty("fallback"))
            .FirstOrDefault();
        Assert.True(fallback.ValueKind == JsonValueKind.Object, $"The '{verb}' button has no Action.Submit fallback: {card.GetRawText()}");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        return JsonNode.Parse(fallback.GetProperty("data").GetRawText())!.AsObject();
    }

    /// <summary>
    /// Asserts that <paramref name="card"/> is the read-only form of question <paramref name="questionId"/>: no input,
    /// no Save button, an Edit button for that question, and every text of <paramref name="shows"/> on it.
    /// </summary>
    public static void AssertAnswered(JsonElement card, string questionId, string answeredCaption, params string[] shows)
    {
        Assert.Empty(Inputs(card));
        Assert.False(AdaptiveCardReader.HasExecute(card, CardVerbs.Answer), "an answered card has no Save button");
        Assert.Equal(questionId, EditQuestionId(card));
        var text = AdaptiveCardReader.Text(card);
        Assert.Contains(answeredCaption, text, StringComparison.Ordinal);
        foreach (var expected in shows)
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

}
