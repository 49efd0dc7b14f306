using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Participants.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Tests.Cards;

public sealed class AdaptiveCardModelTests
{
    [Fact]
    public void A_card_serializes_to_Adaptive_Cards_JSON_with_types_first_and_no_nulls()
    {
        var card = new AdaptiveCard
        {
            FallbackText = "ข้อความสำรอง",
            MsTeams = TeamsCardProperties.FullWidth,
            Body =
            [
                new TextBlock("หัวข้อ") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Wrap = true },
                new RichTextBlock([new TextRun("**ไม่ใช่ markdown**") { Italic = true }]),
                new TextInput { Id = "answer", IsMultiline = true, MaxLength = 6000, Label = "คำตอบ" },
                new ChoiceSetInput([new Choice("หนึ่ง", "1")]) { Id = "pick", Style = ChoiceInputStyle.Expanded, IsMultiSelect = true },
                new ColumnSet([new Column([new FactSet([new Fact("ก", "ข")])]) { Width = "auto" }]),
                new DateInput { Id = "d", Value = "2026-12-31" },
                new NumberInput { Id = "n", Min = 1, Max = 5 },
                new Container([new ActionSet([new ToggleVisibilityAction([new TargetElement("d") { IsVisible = false }])])]) { Style = ContainerStyle.Emphasis },
            ],
            Actions = [new ShowCardAction(new AdaptiveCard { Body = [new TextBlock("ยืนยัน")] }) { Title = "ลบ" }],
        };

        var json = JsonNode.Parse(AdaptiveCardJson.Serialize(card))!.AsObject();

        Assert.Equal("AdaptiveCard", json.First().Value!.GetValue<string>());
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.Equal("full", json["msteams"]!["width"]!.GetValue<string>());
        var body = json["body"]!.AsArray();
        Assert.Equal(["TextBlock", "RichTextBlock", "Input.Text", "Input.ChoiceSet", "ColumnSet", "Input.Date", "Input.Number", "Container"],
            body.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("extraLarge", body[0]!["size"]!.GetValue<string>());
        Assert.Equal("TextRun", body[1]!["inlines"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("expanded", body[3]!["style"]!.GetValue<string>());
        Assert.Equal("Column", body[4]!["columns"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Action.ToggleVisibility", body[7]!["items"]![0]!["actions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Action.ShowCard", json["actions"]![0]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("null", AdaptiveCardJson.Serialize(card), StringComparison.Ordinal);
        // Thai is written as it is, not as \u escapes three times its size.
        Assert.Contains("ข้อความสำรอง", AdaptiveCardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_carries_an_Action_Submit_fallback_with_the_same_data_and_the_verb()
    {
        var action = ExecuteAction.WithSubmitFallback("บันทึก", "lesson.answer", new CardActionData { QuestionId = "q1", Revision = 4 }, AssociatedInputs.Auto);

        var json = JsonNode.Parse(JsonSerializer.Serialize<AdaptiveAction>(action, AdaptiveCardJson.Options))!;

        Assert.Equal("Action.Execute", json["type"]!.GetValue<string>());
        Assert.Equal("lesson.answer", json["verb"]!.GetValue<string>());
        Assert.Equal("auto", json["associatedInputs"]!.GetValue<string>());
        var fallback = json["fallback"]!;
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("บันทึก", fallback["title"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(json["data"], fallback["data"]));
        Assert.Equal("lesson.answer", fallback["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(4, fallback["data"]!["rev"]!.GetValue<int>());
    }

    [Fact]
    public void A_card_becomes_an_adaptive_card_attachment_and_reads_back()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("สวัสดี")], Refresh = new CardRefresh(new ExecuteAction { Verb = "r" }) { UserIds = ["29:x"] } };

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("Action.Execute", attachment.Content!.Value.GetProperty("refresh").GetProperty("action").GetProperty("type").GetString());
        var back = AdaptiveCardJson.Deserialize(attachment.Content.Value.GetRawText())!;
        Assert.Equal("สวัสดี", Assert.IsType<TextBlock>(Assert.Single(back.Body!)).Text);
    }

    [Fact]
    public void Size_is_counted_as_Teams_does_two_bytes_per_UTF16_code_unit()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("ก")] };
        Assert.Equal(AdaptiveCardJson.Serialize(card).Length * 2, AdaptiveCardJson.Utf16ByteCount(card));
    }
}
