using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Summaries;

/// <summary>Reads what a card shows, from its JSON as Teams receives it.</summary>
internal static class CardContent
{
    public const char ZeroWidthSpace = '\u200B';

    public static JsonObject Json(AdaptiveCard card) => JsonNode.Parse(AdaptiveCardJson.Serialize(card))!.AsObject();

    /// <summary>Every element of the body, nested ones included, in document order.</summary>
    public static IEnumerable<JsonObject> Elements(AdaptiveCard card) => Walk(Json(card)["body"]!.AsArray());

    private static IEnumerable<JsonObject> Walk(JsonArray items)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            yield return item;
            if (item["items"] is JsonArray inner)
            {
                foreach (var nested in Walk(inner))
                {
                    yield return nested;
                }
            }
            if (item["columns"] is JsonArray columns)
            {
                foreach (var nested in columns.OfType<JsonObject>().SelectMany(c => Walk(c["items"]!.AsArray())))
                {
                    yield return nested;
                }
            }
            if (item["actions"] is JsonArray actions)
            {
                foreach (var shown in actions.OfType<JsonObject>().Where(a => a["card"] is JsonObject))
                {
                    foreach (var nested in Walk(shown["card"]!["body"]!.AsArray()))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    /// <summary>Texts of TextBlocks: the only elements whose text Teams parses as markdown.</summary>
    public static IEnumerable<string> MarkdownTexts(AdaptiveCard card) =>
        Elements(card).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string)e["text"]!);

    /// <summary>Texts of every TextRun.</summary>
    public static IEnumerable<string> RunTexts(AdaptiveCard card) =>
        Elements(card).Where(e => (string?)e["type"] == "RichTextBlock")
            .SelectMany(e => e["inlines"]!.AsArray().Select(run => (string)run!["text"]!));

    /// <summary>The answers shown: each answer container's bold label and the answer run that follows it.</summary>
    public static IEnumerable<(string Label, string Text)> Answers(AdaptiveCard card) =>
        Elements(card)
            .Where(e => (string?)e["type"] == "Container"
                && e["items"]!.AsArray() is { Count: 2 } items
                && items.All(i => (string?)i!["type"] == "RichTextBlock"))
            .Select(e => e["items"]!.AsArray())
            .Select(items => ((string)items[0]!["inlines"]![0]!["text"]!, (string)items[1]!["inlines"]![0]!["text"]!));

    /// <summary>All text a person can see on the card, joined.</summary>
    public static string AllText(AdaptiveCard card) => string.Join("\n", MarkdownTexts(card).Concat(RunTexts(card)));
}
