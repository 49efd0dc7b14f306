using System.Text.Json.Nodes;
using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>The card validator catches what Teams would show wrongly, and passes what it shows right.</summary>
public sealed class AdaptiveCardValidatorTests
{
    private const string ValidCard = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "fallbackText": "แบบสอบถาม / Survey",
          "body": [
            { "type": "TextBlock", "text": "คำถามที่ 1", "style": "heading", "wrap": true },
            { "type": "Input.Text", "id": "answer", "label": "Answer", "isRequired": true, "errorMessage": "Please answer" },
            { "type": "Input.ChoiceSet", "id": "pick", "label": "Pick", "choices": [ { "title": "A", "value": "a" } ] },
            { "type": "FactSet", "facts": [ { "title": "Date", "value": "23 พ.ย. 2569 (2026)" } ] },
            { "type": "Table", "columns": [ { "width": 1 } ], "rows": [ { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "cell" } ] } ] } ] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "Send", "verb": "answer", "data": { "question": 1, "msteams": { "anything": true } } },
            { "type": "Action.ShowCard", "title": "More", "card": { "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "more" } ] } }
          ]
        }
        """;

    [Fact]
    public async Task A_valid_Teams_card_has_no_issues()
    {
        var report = await AdaptiveCardValidator.ValidateAsync([ValidCard, EchoCardBot.EchoCard("hi").ToJsonString()]);

        Assert.True(report.IsClean, report.Describe());
        Assert.Equal([0, 1], report.Cards.Select(c => c.Index));
    }

    [Fact]
    public async Task Bad_elements_are_errors()
    {
        (string Element, string ExpectedEvent)[] cases =
        [
            ("""{ "type": "Chart.Pie" }""", "UnknownElementType"),
            ("""{ "type": "TextBlock", "text": "x", "size": "huge" }""", "InvalidPropertyValue"),
            ("""{ "type": "TextBlock", "text": "x", "spacing": "lots" }""", "InvalidPropertyValue"),
        ];

        // One batch: one node process for all cases.
        var report = await AdaptiveCardValidator.ValidateAsync(cases.Select(c => WithBody(JsonNode.Parse(c.Element)!)).ToArray());

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.False(report.Cards[i].IsValid, cases[i].Element);
            Assert.Contains(report.Cards[i].Errors, issue => issue.Event == cases[i].ExpectedEvent);
        }
    }

    [Fact]
    public async Task Versions_Teams_cannot_render_are_errors()
    {
        (string? Version, string ExpectedEvent)[] cases =
        [
            ("1.6", "UnsupportedCardVersion"),
            ("2.0", "UnsupportedCardVersion"),
            ("one", "InvalidPropertyValue"),
            (null, "MissingVersion"),
        ];
        var cards = cases.Select(c =>
        {
            var card = JsonNode.Parse(ValidCard)!.AsObject();
            card.Remove("version");
            if (c.Version is not null)
            {
                card["version"] = c.Version;
            }

            return card.ToJsonString();
        }).ToArray();

        var report = await AdaptiveCardValidator.ValidateAsync(cards);

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Contains(report.Cards[i].Errors, issue => issue.Event == cases[i].ExpectedEvent);
        }
    }

    [Fact]
    public async Task Properties_newer_than_1_5_and_unknown_actions_are_errors()
    {
        var card = JsonNode.Parse(ValidCard)!.AsObject();
        card["actions"]!.AsArray().Add(new JsonObject { ["type"] = "Action.Popover", ["title"] = "x" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Image", ["url"] = "https://example.org/a.png", ["forceLoad"] = true });

        var result = (await AdaptiveCardValidator.ValidateAsync([card.ToJsonString()])).Cards.Single();

        Assert.Contains(result.Errors, i => i.Event == "UnknownActionType");
        Assert.Contains(result.Errors, i => i.Event == "UnsupportedProperty");
    }

    [Fact]
    public async Task More_actions_than_Teams_shows_is_an_error()
    {
        var card = JsonNode.Parse(ValidCard)!.AsObject();
        var actions = new JsonArray();
        for (var i = 0; i < 7; i++)
        {
            actions.Add(new JsonObject { ["type"] = "Action.Execute", ["title"] = $"a{i}", ["verb"] = "v" });
        }

        card["actions"] = actions;

        var result = (await AdaptiveCardValidator.ValidateAsync([card.ToJsonString()])).Cards.Single();

        Assert.Contains(result.Errors, i => i.Event == "TooManyActions");
    }

    [Fact]
    public async Task Misspelt_properties_and_missing_labels_are_warnings()
    {
        var card = WithBody(
            JsonNode.Parse("""{ "type": "TextBlock", "text": "x", "wieght": "Bolder" }""")!,
            JsonNode.Parse("""{ "type": "Input.Text", "id": "q", "isRequired": true }""")!);

        var result = (await AdaptiveCardValidator.ValidateAsync([card])).Cards.Single();

        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        Assert.Contains(result.Warnings, i => i.Event == "UnknownProperty" && i.Source == "$.body[0].wieght");
        Assert.Contains(result.Warnings, i => i.Event == "RequiredInputsShouldHaveLabel");
        Assert.Contains(result.Warnings, i => i.Event == "RequiredInputsShouldHaveErrorMessage");
    }

    [Fact]
    public async Task Text_that_is_not_a_card_is_reported_per_card_without_losing_the_others()
    {
        var report = await AdaptiveCardValidator.ValidateAsync(["{ not json", "[1, 2]", ValidCard]);

        Assert.Equal("InvalidJson", report.Cards[0].Errors.Single().Event);
        Assert.Equal("NotAnObject", report.Cards[1].Errors.Single().Event);
        Assert.True(report.Cards[2].IsClean, report.Describe());
        Assert.False(report.IsValid);
    }

    private static string WithBody(params JsonNode[] elements) => new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["fallbackText"] = "x",
        ["body"] = new JsonArray(elements),
    }.ToJsonString();
}
