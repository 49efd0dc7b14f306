using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.TestSupport;

/// <summary>Reads a card the bot sent the way a Teams user sees it: its buttons (by verb) and its texts.</summary>
public static class AdaptiveCardReader
{
    /// <summary>The data of the first <c>Action.Execute</c> with <paramref name="verb"/> (nested show cards included) that <paramref name="match"/> accepts.</summary>
    public static JsonObject ExecuteData(JsonElement card, string verb, Func<JsonElement, bool>? match = null)
    {
        var action = ExecuteActions(card).FirstOrDefault(a =>
            a.GetProperty("verb").GetString() == verb && (match is null || match(a.GetProperty("data"))));
        if (action.ValueKind != JsonValueKind.Object)
        {
            var raw = card.GetRawText();
            throw new InvalidOperationException($"The card has no '{verb}' button: {raw[..Math.Min(1500, raw.Length)]}");
        }
        return JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject();
    }

    public static bool HasExecute(JsonElement card, string verb) =>
        ExecuteActions(card).Any(a => a.GetProperty("verb").GetString() == verb);

    /// <summary>Every <c>Action.Execute</c> a user can press (the card's refresh action and fallbacks excluded).</summary>
    public static IEnumerable<JsonElement> ExecuteActions(JsonElement card) => Walk(card)
        .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute" && e.TryGetProperty("verb", out _));

    /// <summary>All text the card shows (TextBlocks, TextRuns, facts), joined by newlines.</summary>
    public static string Text(JsonElement card) => string.Join("\n", Walk(card)
        .SelectMany(e => e.TryGetProperty("type", out var t) && t.GetString() is "TextBlock" or "TextRun"
            ? [e.GetProperty("text").GetString() ?? ""]
            : e.TryGetProperty("title", out var title) && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                ? new[] { title.GetString() ?? "", value.GetString() ?? "" }
                : []));

    /// <summary>Every object in the card, depth first (the refresh action and fallbacks excluded: a user never sees them).</summary>
    public static IEnumerable<JsonElement> Elements(JsonElement card) => Walk(card);

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    // Teams sends the refresh action itself; a fallback repeats the button it stands in for.
                    if (property.Name is "refresh" or "fallback")
                    {
                        continue;
                    }
                    foreach (var inner in Walk(property.Value))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}
