using SocialProtection.Bot.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Reminders;
using static SocialProtection.Bot.Workshop.Tests.Reminders.ReminderTestData;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

public sealed class ReminderActionHandlerTests
{
    private const string Owner = "aad-owner";
    private const string Other = "aad-other";

    private readonly FollowUpHarness _harness = new(Bkk(2026, 3, 16, 10));

    private async Task<ReminderActionHandler> HandlerAsync()
    {
        await _harness.SavePlanAsync(Plan(new DateOnly(2026, 3, 2), after: ["14d"]));
        await _harness.SavePartnerAsync(Partner(Owner, commitments: [Commitment("c1", new DateOnly(2026, 6, 30)), Commitment("c2", new DateOnly(2026, 6, 30))]));
        return new ReminderActionHandler(_harness.Store, _harness.Calculator, NullLogger<ReminderActionHandler>.Instance);
    }

    private static (ITurnContext Turn, CardAction<ReminderCardData> Action) Press(string user, string verb, string commitmentId = "c1", JsonObject? inputs = null, string? activityId = null, string? zone = null, CardActionSource source = CardActionSource.Execute)
    {
        var data = new JsonObject { ["verb"] = verb, ["wid"] = WorkshopId, ["cid"] = commitmentId };
        foreach (var (name, value) in inputs ?? [])
        {
            data[name] = value?.DeepClone();
        }

        // Read as the router reads a press: the handler gets only what passed that.
        var element = JsonSerializer.SerializeToElement(data);
        Assert.True(CardDataJson.TryRead<ReminderCardData>(element, verb, out var typed));
        return (PartnerTurn.CardAction(user, element, activityId, zone), new CardAction<ReminderCardData>(verb, typed, source, "card-activity-1", false));
    }

    private async Task<PartnerFollowUp> OwnerRecordAsync() => (await _harness.Store.GetPartnerAsync(WorkshopId, Owner, CancellationToken.None))!;

    [Fact]
    public async Task Done_is_saved_and_the_card_is_replaced_in_place_with_the_new_status()
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, ReminderCardVerbs.Done);

        var result = await handler.OnCardActionAsync(turn, action, CancellationToken.None);

        var replace = Assert.IsType<CardActionResult.ReplaceCard>(result);
        var card = AdaptiveCardJson.Deserialize(replace.Card.Content!.Value.GetRawText())!;
        Assert.Contains(card.Body!.OfType<FactSet>().Single().Facts, f => f.Value == "เสร็จแล้ว");
        Assert.DoesNotContain(card.Actions!.OfType<ExecuteAction>(), a => a.Verb == ReminderCardVerbs.Done);
        Assert.Equal(CommitmentStatus.Done, (await OwnerRecordAsync()).Find("c1")!.Status);
        Assert.Equal(CommitmentStatus.NotStarted, (await OwnerRecordAsync()).Find("c2")!.Status);
    }

    [Fact]
    public async Task Forged_submit_for_another_users_commitment_changes_nothing()
    {
        var handler = await HandlerAsync();
        await _harness.SavePartnerAsync(Partner(Other, commitments: Commitment("c9", new DateOnly(2026, 6, 30))));
        var before = await OwnerRecordAsync();

        // The card data names the owner's workshop and commitment, but the activity comes from someone else.
        var (turn, action) = Press(Other, ReminderCardVerbs.Done, "c1", source: CardActionSource.Submit);
        var result = await handler.OnCardActionAsync(turn, action, CancellationToken.None);

        Assert.IsType<CardActionResult.Error>(result);
        Assert.Equal(before.Revision, (await OwnerRecordAsync()).Revision);
        Assert.Equal(CommitmentStatus.NotStarted, (await OwnerRecordAsync()).Find("c1")!.Status);
    }

    [Fact]
    public async Task A_user_with_no_follow_up_in_the_workshop_is_refused()
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press("aad-stranger", ReminderCardVerbs.OptOut);

        var error = Assert.IsType<CardActionResult.Error>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.False((await OwnerRecordAsync()).OptedOut);
    }

    [Fact]
    public async Task A_progress_note_is_kept_with_its_time_and_a_redelivered_activity_adds_nothing()
    {
        var handler = await HandlerAsync();
        var note = new JsonObject { [ReminderCardVerbs.ProgressNoteInput] = "  ประชุมหน่วยงานแล้ว  " };

        for (var i = 0; i < 2; i++)
        {
            var (turn, action) = Press(Owner, ReminderCardVerbs.Progress, inputs: note, activityId: "act-1");
            Assert.IsType<CardActionResult.ReplaceCard>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));
        }

        var commitment = (await OwnerRecordAsync()).Find("c1")!;
        Assert.Equal(CommitmentStatus.InProgress, commitment.Status);
        Assert.Equal(new ProgressNote(Bkk(2026, 3, 16, 10), CommitmentStatus.InProgress, "ประชุมหน่วยงานแล้ว"), Assert.Single(commitment.Notes));
    }

    [Theory]
    [InlineData(ReminderCardVerbs.Progress, ReminderCardVerbs.ProgressNoteInput, 501)]
    [InlineData(ReminderCardVerbs.Help, ReminderCardVerbs.HelpNoteInput, 5000)]
    public async Task A_note_longer_than_the_limit_is_refused(string verb, string input, int length)
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, verb, inputs: new JsonObject { [input] = new string('ก', length) });

        Assert.IsType<CardActionResult.Error>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));
        Assert.Empty((await OwnerRecordAsync()).Find("c1")!.Notes);
    }

    [Theory]
    [InlineData("2d")]
    [InlineData("")]
    [InlineData("1w; drop")]
    public async Task A_snooze_choice_the_card_never_offered_is_refused(string choice)
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, ReminderCardVerbs.Snooze, inputs: new JsonObject { [ReminderCardVerbs.SnoozeInput] = choice });

        Assert.IsType<CardActionResult.Error>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));
        Assert.Null((await OwnerRecordAsync()).Find("c1")!.SnoozedUntil);
    }

    [Fact]
    public async Task Snoozing_queues_one_reminder_at_the_next_allowed_time()
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, ReminderCardVerbs.Snooze, inputs: new JsonObject { [ReminderCardVerbs.SnoozeInput] = "1w" });

        var result = await handler.OnCardActionAsync(turn, action, CancellationToken.None);

        Assert.IsType<CardActionResult.ReplaceCard>(result);
        Assert.Equal(Bkk(2026, 3, 23, 10), (await OwnerRecordAsync()).Find("c1")!.SnoozedUntil);
        var key = Assert.Single(((InMemoryObjectStore)_harness.Objects).Keys(ReminderKeys.DuePrefix));
        var queued = (await _harness.Store.ReadAsync<ReminderOccurrence>(key, CancellationToken.None))!.Value;
        Assert.Equal((ReminderKind.Snooze, Bkk(2026, 3, 23, 10)), (queued.Kind, queued.DueAt));
    }

    [Fact]
    public async Task Quiet_hours_are_read_on_the_partners_own_clock_as_Teams_reports_it()
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, ReminderCardVerbs.QuietHours, zone: "Europe/Berlin",
            inputs: new JsonObject { [ReminderCardVerbs.QuietFromInput] = "20:00", [ReminderCardVerbs.QuietToInput] = "09:00" });

        Assert.IsType<CardActionResult.ReplaceCard>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));

        var partner = await OwnerRecordAsync();
        Assert.Equal(new QuietHours(new TimeOnly(20, 0), new TimeOnly(9, 0)), partner.QuietHours);
        Assert.Equal("Europe/Berlin", partner.TimeZoneId);
        // 10:00 Bangkok is 04:00 in Berlin: quiet until 09:00 Berlin, 15:00 Bangkok.
        Assert.Equal(Bkk(2026, 3, 16, 15), _harness.Calculator.NextAllowed(Bkk(2026, 3, 16, 10), partner));
    }

    [Theory]
    [InlineData("20:00", "20:00")]
    [InlineData("20:00", "none")]
    [InlineData("25:00", "08:00")]
    [InlineData("8", "09:00")]
    public async Task Quiet_hours_that_make_no_sense_are_refused(string from, string to)
    {
        var handler = await HandlerAsync();
        var (turn, action) = Press(Owner, ReminderCardVerbs.QuietHours,
            inputs: new JsonObject { [ReminderCardVerbs.QuietFromInput] = from, [ReminderCardVerbs.QuietToInput] = to });

        Assert.IsType<CardActionResult.Error>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));
        Assert.Null((await OwnerRecordAsync()).QuietHours);
    }

    [Theory]
    [InlineData("{\"verb\":\"reminder.done\",\"wid\":\"ws-2026-03\",\"cid\":\"../c1\"}")]
    [InlineData("{\"verb\":\"reminder.done\",\"wid\":\"ws-2026-03\",\"cid\":7}")]
    [InlineData("{\"verb\":\"reminder.done\",\"cid\":\"c1\"}")]
    [InlineData("{\"verb\":\"reminder.done\",\"wid\":\"ws-2026-03\",\"cid\":\"c404\"}")]
    public async Task Malformed_or_stale_card_data_is_refused_without_a_change(string json)
    {
        var handler = await HandlerAsync();
        var before = (await OwnerRecordAsync()).Revision;
        var router = new ActivityRouter().OnCardAction<ReminderCardData>(ReminderCardVerbs.Done, handler.OnCardActionAsync);
        var teams = new FakeTeams();
        var press = PartnerTurn.CardAction(Owner, JsonDocument.Parse(json).RootElement);
        var submit = teams.TurnFor(press.Activity with { Type = ActivityTypes.Message, Name = null });

        await router.OnTurnAsync(submit, CancellationToken.None);

        // The Submit path answers a refusal with a chat message, and the card stays as it was.
        var reply = Assert.Single(teams.Calls).Activity;
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Null(reply.Attachments);
        Assert.Equal(before, (await OwnerRecordAsync()).Revision);
    }

    [Fact]
    public async Task An_unreachable_store_gets_a_polite_retry_message_not_a_crash()
    {
        var handler = await HandlerAsync();
        ((InMemoryObjectStore)_harness.Objects).FailNext(100);
        var (turn, action) = Press(Owner, ReminderCardVerbs.Done);

        var error = Assert.IsType<CardActionResult.Error>(await handler.OnCardActionAsync(turn, action, CancellationToken.None));

        Assert.Equal(503, error.Status);
        ((InMemoryObjectStore)_harness.Objects).FailNext(0);
    }
}
