using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// A participant going through the lesson-extraction cards over HTTP: presses buttons on the newest card the
/// bot sent to their chat (as recorded by the <see cref="RecordingConnector"/>) and waits for the next one.
/// </summary>
public sealed class LessonParticipant(TeamsUser user, RecordingConnector connector)
{
    public TeamsUser User { get; } = user;

    /// <summary>The cards the bot has sent to this participant's chat, oldest first.</summary>
    public IReadOnlyList<JsonElement> CardsReceived =>
        connector.CallsTo(User.ConversationId).Where(c => c.Method == "POST").SelectMany(c => c.Cards).ToArray();

    /// <summary>Types <paramref name="text"/> and waits until a card arrives after it.</summary>
    public async Task<JsonElement> SayAndWaitForCardAsync(string text)
    {
        var before = CardsReceived.Count;
        await User.SendAsync(text);
        return await NextCardAsync(before);
    }

    /// <summary>
    /// Presses <paramref name="verb"/> on <paramref name="card"/> (Action.Execute) with <paramref name="answer"/> in
    /// its input. Returns the invoke response and the card the participant now looks at: the newest card the
    /// turn sent, or else the pressed card as the response replaced it. (Replies are sent before the turn's
    /// HTTP response, so nothing needs waiting for.)
    /// </summary>
    public async Task<(JsonElement Response, JsonElement Current)> PressAsync(
        JsonElement card, string verb, string? answer = null, string? activityId = null)
    {
        var before = CardsReceived.Count;
        var data = AdaptiveCardReader.ExecuteData(card, verb);
        if (answer is not null)
        {
            data["answer"] = answer;
        }
        var response = await User.ExecuteAsync(verb, data, activityId: activityId);
        var received = CardsReceived;
        var current = received.Count > before ? received[^1]
            : IsCard(response) ? response.GetProperty("value")
            : card;
        return (response, current);
    }

    /// <summary>Answers the question on <paramref name="card"/> and returns the card the participant sees next.</summary>
    public async Task<JsonElement> AnswerAsync(JsonElement card, string? answer)
    {
        var (response, current) = await PressAsync(card, "lesson.answer", answer);
        AssertCardResponse(response);
        return current;
    }

    /// <summary>True when the invoke response replaces the pressed card (the action was applied and acknowledged).</summary>
    public static bool IsCard(JsonElement invokeBody) =>
        invokeBody.TryGetProperty("type", out var type) && type.GetString() == "application/vnd.microsoft.card.adaptive";

    public static void AssertCardResponse(JsonElement invokeBody)
    {
        Assert.Equal(200, invokeBody.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeBody.GetProperty("type").GetString());
    }

    public async Task<JsonElement> NextCardAsync(int cardsBefore)
    {
        await connector.WaitForAsync(_ => CardsReceived.Count > cardsBefore);
        return CardsReceived[^1];
    }
}
