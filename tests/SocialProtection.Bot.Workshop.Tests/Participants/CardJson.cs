using SocialProtection.Bot.TestSupport;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>Reads the bot's card JSON the way Teams would: finds buttons, inputs and texts.</summary>
internal static class CardJson
{
    /// <summary>The data of the Action.Execute with <paramref name="verb"/> (nested show cards included) that <paramref name="match"/> accepts.</summary>
    public static JsonElement ActionData(JsonElement card, string verb, Func<JsonElement, bool>? match = null) =>
        Actions(card).FirstOrDefault(a => a.GetProperty("verb").GetString() == verb && (match is null || match(a.GetProperty("data")))) is { ValueKind: JsonValueKind.Object } action
            ? action.GetProperty("data")
            : throw new InvalidOperationException($"The card has no '{verb}' button: {card.GetRawText()[..Math.Min(2000, card.GetRawText().Length)]}");

    public static bool HasAction(JsonElement card, string verb) => Actions(card).Any(a => a.GetProperty("verb").GetString() == verb);

    /// <summary>Every Action.Execute in the card, in document order (the refresh action excluded).</summary>
    public static IEnumerable<JsonElement> Actions(JsonElement element) => AdaptiveCardReader.Elements(element)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute" && e.TryGetProperty("data", out _));

    /// <summary>The value the card's "answer" input (or the input <paramref name="inputId"/>) is prefilled with.</summary>
    public static string? InputValue(JsonElement card, string inputId = "answer") => AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("id", out var id) && id.GetString() == inputId && e.TryGetProperty("type", out var t) && t.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
        .Select(e => e.TryGetProperty("value", out var v) ? v.GetString() : null)
        .FirstOrDefault();

    public static string InputType(JsonElement card) => AdaptiveCardReader.Elements(card)
        .First(e => e.TryGetProperty("id", out var id) && id.GetString() == "answer" && e.TryGetProperty("type", out _))
        .GetProperty("type").GetString()!;

    /// <summary>All text the card shows (TextBlocks, TextRuns, fact values), joined by newlines.</summary>
    public static string Text(JsonElement card) => string.Join("\n", AdaptiveCardReader.Elements(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() is "TextBlock" or "TextRun")
        .Select(e => e.GetProperty("text").GetString()));

    public static long Revision(JsonElement data) => data.GetProperty("rev").GetInt64();

}
