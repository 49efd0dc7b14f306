using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>What one turn did: the invoke response (for card presses) and the calls the bot made to Teams meanwhile.</summary>
internal sealed record ChannelTurn(InvokeResponse? Response, IReadOnlyList<TeamsCall> Calls)
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

    /// <summary>The card that replaced the pressed one.</summary>
    public JsonElement? PressedCard => InvokeType == "application/vnd.microsoft.card.adaptive" ? Body!.Value.GetProperty("value") : null;

    public IReadOnlyList<TeamsCall> Posts => [.. Calls.Where(c => c.Method == "POST")];

    public IReadOnlyList<string> Texts => [.. Posts.Where(c => c.Activity.Text is not null).Select(c => c.Activity.Text!)];

    public string AllText => string.Join("\n", Texts.Append(InvokeText ?? ""));
}
