using System.Net;
using System.Text.Json;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>
/// Issue 17, item 2: the progress card says who joined, who is answering (n of m) and who submitted, with names only
/// to facilitators of named workshops; its "remind those who have not finished" sends each of them one reminder in
/// their 1:1 chat, at most once per person per interval, and exactly once per press even when Teams redelivers it.
/// </summary>
public sealed class ProgressRosterAndReminderTests : IAsyncDisposable
{
    private const string ReminderWords = "ยังไม่เสร็จ";
    private static readonly int QuestionCount = QuestionSetLoader.LoadDefault().Questions.Count;

    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    /// <summary>
    /// Alice answering (1 answer), Bob joined but not begun (as when his 1:1 chat could not show the first question),
    /// Carol submitted; all in group 1 and all with a personal chat.
    /// </summary>
    private async Task<WorkshopRecord> ThreePeopleAsync(string visibility)
    {
        var workshop = await _world.CreateWorkshopAsync(visibility: visibility);
        foreach (var person in new[] { Person.Alice, Person.Bob, Person.Carol })
        {
            await _world.JoinAsync(person, workshop, "g1");
        }
        var named = visibility == FacilitationFields.Named;
        await _world.PutParticipantAsync(workshop.Id, Person.Alice.AadObjectId,
            SeedRecords.Started(workshop.Id, Person.Alice.AadObjectId, "g1") with { DisplayName = named ? Person.Alice.Name : null });
        await _world.PutParticipantAsync(workshop.Id, Person.Bob.AadObjectId,
            SeedRecords.Joined(workshop.Id, Person.Bob.AadObjectId, "g1") with { DisplayName = named ? Person.Bob.Name : null });
        await _world.PutParticipantAsync(workshop.Id, Person.Carol.AadObjectId,
            SeedRecords.Submitted(workshop.Id, Person.Carol.AadObjectId, "g1", "ข้อดี", "จุดคานงัด") with { DisplayName = named ? Person.Carol.Name : null });
        return workshop;
    }

    private async Task<JsonElement> ProgressCardAsync() =>
        Assert.Single((await _world.SayInChannel(Person.Facilitator, "progress")).Posts.SelectMany(p => p.Cards));

    [Fact]
    public async Task A_facilitators_refresh_of_a_named_workshop_shows_who_joined_who_is_answering_and_who_submitted_to_them_only()
    {
        var workshop = await ThreePeopleAsync(FacilitationFields.Named);
        var card = await ProgressCardAsync();
        var posted = AdaptiveCardReader.Text(card);
        Assert.DoesNotContain(Person.Alice.Name, posted, StringComparison.Ordinal);
        Assert.Contains("press Refresh to see who is where", posted, StringComparison.Ordinal);

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RefreshProgress,
            BotWorld.ButtonData(card, FacilitationVerbs.RefreshProgress), replyToId: (await _world.Workshop(workshop.Id))!.ProgressActivityId);

        var mine = AdaptiveCardReader.Text(turn.PressedCard!.Value);
        Assert.Contains($"ส่งแล้ว / Submitted: {Person.Carol.Name}", mine, StringComparison.Ordinal);
        Assert.Contains($"กำลังตอบ (ข้อที่ตอบแล้ว/ทั้งหมด) / Answering (answered/all): {Person.Alice.Name} (1/{QuestionCount})", mine, StringComparison.Ordinal);
        Assert.Contains($"เข้าร่วมแล้ว ยังไม่เริ่มตอบ / Joined, not started: {Person.Bob.Name}", mine, StringComparison.Ordinal);
        Assert.Contains("ยังไม่มีผู้เข้าร่วม / Nobody has joined yet", mine, StringComparison.Ordinal); // group 2
        // What everyone else in the channel sees is updated with the counts, never the names.
        var shared = AdaptiveCardReader.Text(Assert.Single(turn.Calls, c => c.Method == "PUT").Cards[0]);
        Assert.Contains("เข้าร่วม 3 · เริ่มตอบ 2 · ส่งแล้ว 1", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Alice.Name, shared, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Bob.Name, shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_workshops_progress_shows_counts_only_even_to_facilitators()
    {
        var workshop = await ThreePeopleAsync(FacilitationFields.Anonymous);
        var card = await ProgressCardAsync();

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RefreshProgress,
            BotWorld.ButtonData(card, FacilitationVerbs.RefreshProgress), replyToId: (await _world.Workshop(workshop.Id))!.ProgressActivityId);

        var mine = AdaptiveCardReader.Text(turn.PressedCard!.Value);
        Assert.Contains("เข้าร่วม 3 · เริ่มตอบ 2 · ส่งแล้ว 1", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Answering", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Alice.Name, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("press Refresh to see who is where", AdaptiveCardReader.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_sends_each_unfinished_participant_one_bilingual_reminder_in_their_personal_chat_and_says_how_many()
    {
        var workshop = await ThreePeopleAsync(FacilitationFields.Anonymous);
        var card = await ProgressCardAsync();

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, BotWorld.ButtonData(card, FacilitationVerbs.RemindUnfinished));
        await _world.WaitForRemindersAsync();

        Assert.Contains("Reminded 2 in their personal chat · skipped 0 (reminded in the last 30 minutes) · 0 could not be reached", turn.InvokeText, StringComparison.Ordinal);
        Assert.StartsWith("ส่งข้อความเตือนในแชทส่วนตัวแล้ว 2 คน", turn.InvokeText, StringComparison.Ordinal);
        foreach (var person in new[] { Person.Alice, Person.Bob })
        {
            var reminder = Assert.Single(Reminders(person));
            Assert.Contains(workshop.Title, reminder, StringComparison.Ordinal);
            Assert.Contains("ทำต่อ", reminder, StringComparison.Ordinal);
            Assert.Contains("type **continue**", reminder, StringComparison.Ordinal);
        }
        Assert.Empty(Reminders(Person.Carol));
    }

    [Fact]
    public async Task A_redelivered_press_is_answered_the_same_and_sends_nothing_more()
    {
        await ThreePeopleAsync(FacilitationFields.Anonymous);
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);

        var first = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data, activityId: "remind-press-1");
        await _world.WaitForRemindersAsync();
        var again = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data, activityId: "remind-press-1");
        await _world.WaitForRemindersAsync();

        Assert.Equal(first.InvokeText, again.InvokeText);
        Assert.Contains("Reminded 2", again.InvokeText, StringComparison.Ordinal);
        Assert.Single(Reminders(Person.Alice));
        Assert.Single(Reminders(Person.Bob));
    }

    [Fact]
    public async Task A_second_press_within_the_interval_skips_those_just_reminded_and_after_it_reminds_them_again()
    {
        await ThreePeopleAsync(FacilitationFields.Anonymous);
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);
        await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();

        _world.Time.Advance(TimeSpan.FromMinutes(29));
        var soon = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();
        Assert.Contains("Reminded 0 in their personal chat · skipped 2", soon.InvokeText, StringComparison.Ordinal);
        Assert.Single(Reminders(Person.Alice));

        _world.Time.Advance(TimeSpan.FromMinutes(2));
        var later = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();
        Assert.Contains("Reminded 2 in their personal chat · skipped 0", later.InvokeText, StringComparison.Ordinal);
        Assert.Equal(2, Reminders(Person.Alice).Count);
        Assert.Equal(2, Reminders(Person.Bob).Count);
    }

    [Fact]
    public async Task A_reminder_Teams_throttles_is_sent_again_and_only_once()
    {
        await ThreePeopleAsync(FacilitationFields.Anonymous);
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);
        _world.Teams.FailNextSends(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMilliseconds(100));

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();

        Assert.Contains("Reminded 2 in their personal chat", turn.InvokeText, StringComparison.Ordinal);
        Assert.Single(Reminders(Person.Alice));
        Assert.Single(Reminders(Person.Bob));
    }

    [Fact]
    public async Task Someone_who_never_opened_a_chat_with_the_bot_is_counted_as_not_reachable()
    {
        var workshop = await ThreePeopleAsync(FacilitationFields.Anonymous);
        // Joined in another way (e.g. before kickoff cards): a record but no personal chat stored.
        var dan = new Person("29:1dan", "0b7e4c2a-0000-4000-8000-000000000da0", "Dan");
        await _world.PutParticipantAsync(workshop.Id, dan.AadObjectId, SeedRecords.Joined(workshop.Id, dan.AadObjectId, "g2"));

        var turn = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished,
            BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished));
        await _world.WaitForRemindersAsync();

        Assert.Contains("Reminded 2 in their personal chat · skipped 0 (reminded in the last 30 minutes) · 1 could not be reached", turn.InvokeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_facilitators_can_remind_and_a_refused_press_sends_nothing()
    {
        await ThreePeopleAsync(FacilitationFields.Anonymous);
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);

        var turn = await _world.Press(Person.Alice, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();

        Assert.Equal(403, turn.InvokeStatus);
        Assert.Empty(Reminders(Person.Bob));
    }

    [Fact]
    public async Task When_everyone_submitted_or_the_workshop_is_closed_nobody_is_reminded_and_the_facilitator_is_told_why()
    {
        var workshop = await _world.CreateWorkshopAsync();
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);
        Assert.Contains("nobody to remind", (await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data)).InvokeText, StringComparison.Ordinal);

        await _world.JoinAsync(Person.Bob, workshop, "g1");
        await _world.SayInChannel(Person.Facilitator, "close");
        var closed = await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data);
        await _world.WaitForRemindersAsync();

        Assert.Contains("closed to answers", closed.InvokeText, StringComparison.Ordinal);
        Assert.Empty(Reminders(Person.Bob));
    }

    [Fact]
    public async Task The_button_works_from_Teams_mobile_too()
    {
        await ThreePeopleAsync(FacilitationFields.Anonymous);
        var data = BotWorld.ButtonData(await ProgressCardAsync(), FacilitationVerbs.RemindUnfinished);

        await _world.Press(Person.Facilitator, FacilitationVerbs.RemindUnfinished, data, source: CardActionSource.Submit);
        await _world.WaitForRemindersAsync();

        Assert.Single(Reminders(Person.Alice));
    }

    private IReadOnlyList<string> Reminders(Person person) =>
        [.. _world.Teams.PostsTo(FakeTeams.PersonalChatOf(person.TeamsId))
            .Select(c => c.Activity.Text ?? "")
            .Where(t => t.Contains(ReminderWords, StringComparison.Ordinal))];
}
