using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>What one turn did: the invoke response (for card presses) and the calls the bot made to Teams meanwhile.</summary>
internal sealed record BotTurn(InvokeResponse? Response, IReadOnlyList<TeamsCall> Calls)
{
    private JsonElement? Body => Response?.Body;

    public string? InvokeType => Body?.GetProperty("type").GetString();

    /// <summary>The status the card action reported inside the 200 body.</summary>
    public int? InvokeStatus => Body is { } body && body.TryGetProperty("statusCode", out var code) ? code.GetInt32() : null;

    /// <summary>A toast or the error message of a card press.</summary>
    public string? InvokeText => InvokeType switch
    {
        "application/vnd.microsoft.activity.message" => Body!.Value.GetProperty("value").GetString(),
        "application/vnd.microsoft.error" => Body!.Value.GetProperty("value").GetProperty("message").GetString(),
        _ => null,
    };

    /// <summary>
    /// The card that replaced the pressed one: the invoke response's card (Action.Execute), else the card of the last
    /// message updated in place (the Action.Submit fallback).
    /// </summary>
    public JsonElement? PressedCard => InvokeType == "application/vnd.microsoft.card.adaptive"
        ? Body!.Value.GetProperty("value")
        : Updates.SelectMany(c => c.Cards).Select(c => (JsonElement?)c).LastOrDefault();

    /// <summary>New messages (posts and replies).</summary>
    public IReadOnlyList<TeamsCall> Posts => [.. Calls.Where(c => c.Method == "POST")];

    /// <summary>Messages updated in place.</summary>
    public IReadOnlyList<TeamsCall> Updates => [.. Calls.Where(c => c.Method == "PUT")];

    public IReadOnlyList<string> Texts => [.. Posts.Where(c => c.Activity.Text is not null).Select(c => c.Activity.Text!)];

    public IReadOnlyList<JsonElement> SentCards => [.. Posts.SelectMany(c => c.Cards)];

    /// <summary>The message ids of the cards sent, in order (as the channel gave them).</summary>
    public IReadOnlyList<string> SentCardIds => [.. Posts.Where(c => c.Cards.Count > 0).Select(c => c.Id)];

    /// <summary>Messages updated in place: (message id, the card it now shows).</summary>
    public IReadOnlyList<(string Id, JsonElement Card)> UpdatedCards => [.. Updates.Where(c => c.Cards.Count > 0).Select(c => (c.Id, c.Cards[0]))];

    /// <summary>The card the participant is now looking at: the newest sent, else the pressed card's replacement.</summary>
    public JsonElement CurrentCard => SentCards.Count > 0 ? SentCards[^1] : PressedCard ?? throw new InvalidOperationException("The turn showed no card.");

    /// <summary>The texts sent and the press's toast or error.</summary>
    public string AllText => string.Join("\n", Texts.Append(InvokeText ?? ""));

    /// <summary><see cref="AllText"/> and the JSON of every card the turn showed.</summary>
    public string AllTextAndCards => string.Join("\n", Texts.Append(InvokeText ?? "")
        .Concat(SentCards.Select(c => c.GetRawText()))
        .Append(PressedCard?.GetRawText() ?? ""));
}
