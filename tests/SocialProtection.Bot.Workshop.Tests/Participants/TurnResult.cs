using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>What one turn produced: messages sent, the pressed card's replacement, and the invoke response.</summary>
internal sealed record TurnResult(RecordingTurnContext Turn, InvokeResponse? Response)
{
    public IReadOnlyList<JsonElement> SentCards =>
        [.. Turn.Sent.SelectMany(a => a.Attachments ?? []).Where(a => a.Content is not null).Select(a => a.Content!.Value)];

    /// <summary>The message ids of the cards sent, in order (as the channel gave them).</summary>
    public IReadOnlyList<string> SentCardIds => [.. Turn.Sent.Where(a => a.Attachments is { Count: > 0 }).Select(a => a.Id!)];

    /// <summary>Messages updated in place: (message id, the card it now shows).</summary>
    public IReadOnlyList<(string Id, JsonElement Card)> UpdatedCards =>
        [.. Turn.Updated.Where(a => a.Attachments is { Count: > 0 }).Select(a => (a.Id!, a.Attachments![0].Content!.Value))];

    public IReadOnlyList<string> SentTexts => [.. Turn.Sent.Where(a => a.Text is not null).Select(a => a.Text!)];

    /// <summary>The card that replaced the pressed one: the invoke response's card, or the updated message's card.</summary>
    public JsonElement? PressedCard
    {
        get
        {
            if (Response?.Body is { } body && body.GetProperty("type").GetString() == "application/vnd.microsoft.card.adaptive")
            {
                return body.GetProperty("value");
            }
            return Turn.Updated.SelectMany(a => a.Attachments ?? []).Select(a => a.Content).LastOrDefault();
        }
    }

    /// <summary>A toast (Execute) or error text of the invoke response.</summary>
    public string? InvokeText => Response?.Body is { } body
        ? body.GetProperty("type").GetString() switch
        {
            "application/vnd.microsoft.activity.message" => body.GetProperty("value").GetString(),
            "application/vnd.microsoft.error" => body.GetProperty("value").GetProperty("message").GetString(),
            _ => null,
        }
        : null;

    /// <summary>The card the participant is now looking at: the newest sent, else the pressed card's replacement.</summary>
    public JsonElement CurrentCard => SentCards.Count > 0 ? SentCards[^1] : PressedCard ?? throw new InvalidOperationException("The turn showed no card.");

    public string AllText => string.Join("\n", SentTexts.Append(InvokeText ?? "")
        .Concat(SentCards.Select(c => c.GetRawText()))
        .Append(PressedCard?.GetRawText() ?? ""));
}
