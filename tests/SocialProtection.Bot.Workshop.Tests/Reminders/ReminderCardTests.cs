using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderCardTests
{
    private static readonly DateOnly Today = new(2026, 3, 16);

    private static ReminderCardModel Model(Language language, FollowUpCommitment? commitment = null, bool optedOut = false) =>
        new(Partner(commitments: commitment ?? Commitment("c1", new DateOnly(2026, 3, 21))) with { OptedOut = optedOut },
            commitment ?? Commitment("c1", new DateOnly(2026, 3, 21)), ReminderKind.AfterWorkshop, language, Today);

    [Fact]
    public void The_reminder_shows_the_due_date_in_both_eras_in_Thai_and_in_English()
    {
        var thai = AdaptiveCardJson.Serialize(ReminderCard.Build(Model(Language.Thai)));
        var english = AdaptiveCardJson.Serialize(ReminderCard.Build(Model(Language.English)));

        Assert.Contains("21 มีนาคม พ.ศ. 2569 (ค.ศ. 2026)", thai, StringComparison.Ordinal);
        Assert.Contains("อีก 5 วัน", thai, StringComparison.Ordinal);
        Assert.Contains("เตือนความจำ", thai, StringComparison.Ordinal);
        Assert.Contains("21 March 2026 (B.E. 2569)", english, StringComparison.Ordinal);
        Assert.Contains("in 5 days", english, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.5\"", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_button_is_an_Execute_action_with_a_Submit_fallback_carrying_the_same_verb()
    {
        var json = JsonSerializer.SerializeToElement(ReminderCard.Build(Model(Language.Thai)), AdaptiveCardJson.Options);
        var verbs = new List<string>();
        Walk(json, element =>
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute")
            {
                var verb = element.GetProperty("verb").GetString()!;
                var fallback = element.GetProperty("fallback");
                Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
                Assert.Equal(verb, fallback.GetProperty("data").GetProperty("verb").GetString());
                Assert.Equal(WorkshopId, fallback.GetProperty("data").GetProperty("wid").GetString());
                Assert.Equal("c1", fallback.GetProperty("data").GetProperty("cid").GetString());
                verbs.Add(verb);
            }
        });

        Assert.Subset(verbs.ToHashSet(), new HashSet<string>
        {
            ReminderCardVerbs.Done, ReminderCardVerbs.Progress, ReminderCardVerbs.Snooze, ReminderCardVerbs.Help,
            ReminderCardVerbs.QuietHours, ReminderCardVerbs.OptOut, ReminderCardVerbs.Refresh,
        });
    }

    [Fact]
    public void What_the_partner_wrote_is_never_read_as_markdown()
    {
        var commitment = Commitment("c1", Today.AddDays(-3)) with
        {
            Action = "[click me](https://evil.example) **now** <at>Boss</at>",
            Organisation = "# Org *bold*",
        };
        var card = ReminderCard.Build(Model(Language.English, commitment));
        var json = AdaptiveCardJson.Serialize(card);

        var rich = card.Body!.OfType<RichTextBlock>().Single();
        Assert.Equal(commitment.Action, rich.Inlines.Single().Text);
        Assert.DoesNotContain(card.Body!.OfType<TextBlock>(), t => t.Text.Contains("](https://evil", StringComparison.Ordinal));
        Assert.DoesNotContain("# Org *bold*", card.Body!.OfType<FactSet>().Single().Facts.Select(f => f.Value));
        Assert.Contains("3 days overdue", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opted_out_partner_sees_only_the_way_back_in()
    {
        var card = ReminderCard.Build(Model(Language.Thai, optedOut: true));

        var action = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!));
        Assert.Equal(ReminderCardVerbs.OptIn, action.Verb);
    }

    [Fact]
    public async Task The_reminder_and_help_cards_pass_the_Adaptive_Cards_renderer_for_Teams()
    {
        var help = HelpRequestCard.Build(new HelpRequest(WorkshopId, "aad-partner-1", "คุณสมหญิง", Commitment("c1", Today), "ขอผู้ติดต่อ", Bkk(2026, 3, 16, 10)));
        var cards = new[]
        {
            ReminderCard.Build(Model(Language.Thai)),
            ReminderCard.Build(Model(Language.English, Commitment("c1", Today) with { Status = CommitmentStatus.Done })),
            ReminderCard.Build(Model(Language.Thai, optedOut: true)),
            help,
        };

        var report = await AdaptiveCardValidator.ValidateAsync([.. cards.Select(AdaptiveCardJson.Serialize)]);

        Assert.True(report.IsValid, report.Describe());
        Assert.All(cards, c => Assert.True(CardBudget.Fits(c)));
    }

    private static void Walk(JsonElement element, Action<JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            visit(element);
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, visit);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, visit);
            }
        }
    }
}
