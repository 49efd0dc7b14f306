using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Playground;

/// <summary>
/// The Playground's signed-in user in their personal chat with the bot: types messages, presses buttons on the
/// cards the bot sent (as Action.Execute, or as the Action.Submit fallback Teams mobile uses) and waits for what
/// the bot sends back. Only frames from this test count: anything older than <paramref name="since"/> is ignored,
/// because the Playground hands frames buffered between two tests to the next client that connects.
/// </summary>
internal sealed class PlaygroundLessonChat(PlaygroundClient client, PlaygroundTenant tenant, DateTimeOffset since)
{
    public PlaygroundClient Client => client;

    public string ChatId => tenant.PersonalChatId;

    public string UserId => tenant.CurrentUser.Id;

    public Task SayAsync(string text) => client.SendMessageAsync(ChatId, UserId, text);

    /// <summary>The next new card message from the bot that <paramref name="match"/> accepts.</summary>
    public Task<PlaygroundMessage> WaitForCardAsync(Func<JsonElement, bool> match) =>
        client.WaitForMessageAsync(ChatId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created
                                               && m.AdaptiveCard is { } card && match(card));

    /// <summary>The next new card asking question <paramref name="questionId"/> (its Save button names the question).</summary>
    public Task<PlaygroundMessage> WaitForQuestionAsync(string questionId) =>
        WaitForCardAsync(card => LessonCard.AnswerQuestionId(card) == questionId);

    /// <summary>The next new text message from the bot that <paramref name="match"/> accepts.</summary>
    public Task<PlaygroundMessage> WaitForTextAsync(Func<string, bool> match) =>
        client.WaitForMessageAsync(ChatId, m => IsFresh(m) && m.Action == PlaygroundMessageAction.Created
                                               && m.Text is { } text && match(text));

    /// <summary>
    /// Presses <paramref name="verb"/> (Action.Execute) on <paramref name="card"/>, shown in message <paramref name="messageId"/>,
    /// with <paramref name="answer"/> in the card's input, and returns the bot's invoke response as the Playground passed it on.
    /// </summary>
    public Task<PlaygroundInvokeResult> PressAsync(string messageId, JsonElement card, string verb, string? answer = null)
    {
        var data = AdaptiveCardReader.ExecuteData(card, verb);
        if (answer is not null)
        {
            data[CardDataFields.Answer] = answer;
        }

        return client.InvokeAdaptiveCardActionAsync(ChatId, UserId, messageId, verb, data);
    }

    /// <summary>Presses <paramref name="verb"/> (Action.Execute) with <paramref name="inputs"/> typed into the card's inputs (by input id).</summary>
    public Task<PlaygroundInvokeResult> PressWithInputsAsync(string messageId, JsonElement card, string verb, IReadOnlyDictionary<string, string> inputs)
    {
        var data = AdaptiveCardReader.ExecuteData(card, verb);
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return client.InvokeAdaptiveCardActionAsync(ChatId, UserId, messageId, verb, data);
    }

    /// <summary>Presses the Action.Submit fallback of <paramref name="verb"/>'s button, as Teams mobile does.</summary>
    public Task SubmitAsync(string messageId, JsonElement card, string verb, string? answer = null)
    {
        var value = LessonCard.SubmitFallbackData(card, verb);
        if (answer is not null)
        {
            value[CardDataFields.Answer] = answer;
        }

        return client.SubmitAsync(ChatId, UserId, messageId, value);
    }

    /// <summary>The bot's status for the next request the Playground sent it in this chat that <paramref name="match"/> accepts.</summary>
    public async Task<int?> BotStatusForAsync(Func<PlaygroundLogEntry, bool> match)
    {
        var entry = await client.WaitForLogAsync(e => e.IsSentToBot && e.ConversationId == ChatId && match(e));
        return entry.StatusCode;
    }

    private bool IsFresh(PlaygroundMessage message) => message.Timestamp is not { } at || at >= since;
}
