using System.Text;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class FollowUpViewTests
{
    private static readonly DateOnly Today = new(2026, 4, 20);
    private static readonly DateTimeOffset Now = Bkk(2026, 4, 20, 10);

    private static PartnerFollowUp PartnerIn(int i, params FollowUpCommitment[] commitments) =>
        Partner($"aad-{i:0000}", commitments: commitments) with { DisplayName = $"คุณภาคี {i:0000}" };

    [Fact]
    public void Each_state_a_facilitator_needs_is_told_apart()
    {
        var reminded = new ReminderDelivery("r1", Bkk(2026, 4, 10, 9, 30), DeliveryOutcome.Sent, null);
        var failed = new ReminderDelivery("r2", Bkk(2026, 4, 10, 9, 30), DeliveryOutcome.Failed, CancelReasons.AppNotInstalled);
        var later = Bkk(2026, 4, 12, 9);
        var future = new DateOnly(2026, 6, 30);

        Assert.Equal(FollowUpState.Done, FollowUpStates.Of(Commitment("c", future, CommitmentStatus.Done), Today));
        Assert.Equal(FollowUpState.NeedsHelp, FollowUpStates.Of(Commitment("c", future, CommitmentStatus.NeedHelp), Today));
        Assert.Equal(FollowUpState.NotDelivered, FollowUpStates.Of(Commitment("c", future) with { LastReminder = failed }, Today));
        Assert.Equal(FollowUpState.Overdue, FollowUpStates.Of(Commitment("c", Today.AddDays(-1), CommitmentStatus.InProgress), Today));
        Assert.Equal(FollowUpState.NoAnswer, FollowUpStates.Of(Commitment("c", future) with { LastReminder = reminded }, Today));
        Assert.Equal(FollowUpState.InProgress, FollowUpStates.Of(Commitment("c", future, CommitmentStatus.InProgress) with { LastReminder = reminded, StatusChangedAt = later }, Today));
        Assert.Equal(FollowUpState.NotStarted, FollowUpStates.Of(Commitment("c", future), Today));
    }

    [Fact]
    public async Task A_large_workshop_is_split_into_valid_cards_under_28_KB_each_with_every_commitment_once()
    {
        var partners = Enumerable.Range(1, 300).Select(i => PartnerIn(i,
            Commitment("c1", Today.AddDays(i % 40 - 20), (CommitmentStatus)(i % 4)) with { Action = new string('ก', 300) + i },
            Commitment("c2", Today.AddDays(30)) with { Notes = [new ProgressNote(Now, CommitmentStatus.InProgress, "บันทึกความคืบหน้า " + i)] },
            Commitment("c3", Today.AddDays(60)))).ToList();
        var model = new FollowUpViewModel(WorkshopId, Plan(new DateOnly(2026, 3, 2), after: ["14d"]), partners, Language.Thai, Today, Now, ["29:facilitator"]);

        var cards = FollowUpViewCard.Build(model);

        Assert.True(cards.Count > 1);
        Assert.All(cards, c => Assert.True(CardBudget.Measure(c) <= CardBudget.MaxBytes, $"{CardBudget.Measure(c)} bytes"));
        var rows = cards.SelectMany(c => c.Body!.OfType<Container>()).ToList();
        Assert.Equal(900, rows.Count);
        var names = cards.SelectMany(c => c.Body!.OfType<Container>().SelectMany(r => r.Items.OfType<RichTextBlock>()))
            .SelectMany(r => r.Inlines).Select(i => i.Text).Where(t => t.StartsWith("คุณภาคี", StringComparison.Ordinal)).Distinct().Count();
        Assert.Equal(300, names);
        Assert.All(cards, c => Assert.Equal(ReminderCardVerbs.ViewRefresh, Assert.IsType<ExecuteAction>(c.Refresh!.Action).Verb));
        Assert.Contains($"หน้า {cards.Count} จาก {cards.Count}", AdaptiveCardJson.Serialize(cards[^1]), StringComparison.Ordinal);

        var report = await AdaptiveCardValidator.ValidateAsync([.. cards.Take(3).Select(AdaptiveCardJson.Serialize)]);
        Assert.True(report.IsValid, report.Describe());
    }

    [Fact]
    public void Partners_needing_attention_come_first()
    {
        var partners = new[]
        {
            PartnerIn(1, Commitment("c1", Today.AddDays(10), CommitmentStatus.Done)),
            PartnerIn(2, Commitment("c1", Today.AddDays(10), CommitmentStatus.NeedHelp)),
        };

        var card = Assert.Single(FollowUpViewCard.Build(new FollowUpViewModel(WorkshopId, null, partners, Language.English, Today, Now, [])));

        var first = card.Body!.OfType<Container>().First().Items.OfType<RichTextBlock>().First().Inlines[0].Text;
        Assert.Equal("คุณภาคี 0002", first);
        Assert.Empty(card.Refresh!.UserIds!);
    }

    [Fact]
    public void The_export_is_UTF8_with_a_byte_order_mark_one_row_per_commitment_and_guards_formulas()
    {
        var partners = new[]
        {
            PartnerIn(1, Commitment("c1", new DateOnly(2026, 5, 1)) with { Action = "=HYPERLINK(\"http://x\")", Notes = [new ProgressNote(Now, CommitmentStatus.InProgress, "line1\nline2, \"quoted\"")] }),
            PartnerIn(2, Commitment("c1", new DateOnly(2026, 5, 1), CommitmentStatus.Done), Commitment("c2", new DateOnly(2026, 6, 1))),
        };

        var bytes = FollowUpCsv.Render(WorkshopId, partners, Today);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("การประชุม / Workshop,ภาคี / Partner", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("\"line1\nline2, \"\"quoted\"\"\"", text, StringComparison.Ordinal);
        Assert.Contains("1 พ.ค. 2569 (2026),2026-05-01", text, StringComparison.Ordinal);
        Assert.Contains("เสร็จแล้ว / Done", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
