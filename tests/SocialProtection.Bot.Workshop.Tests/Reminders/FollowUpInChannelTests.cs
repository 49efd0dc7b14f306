using System.Text.Json;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core.QuestionSummaries;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reminders.Cards;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Tests.Facilitation;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.Reminders;

/// <summary>
/// The facilitator's follow-up in the channel, through the router as the host wires it (issue 17, item 3): findable,
/// bilingual, set from a form, showing commitments at once, numbering people as the summary does, previewable, and
/// sending a rule whose moment already passed.
/// </summary>
public sealed class FollowUpInChannelTests : IAsyncDisposable
{
    private const string Title = "ถอดบทเรียนการคุ้มครองทางสังคม";
    private readonly BotWorld _world = new();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Channel_help_names_the_followup_command_and_typing_it_opens_the_follow_up()
    {
        await _world.CreateWorkshopAsync(title: Title);

        var help = await _world.SayInChannel(Person.Facilitator, "ช่วยเหลือ");
        var view = await _world.SayInChannel(Person.Facilitator, "ติดตามผล");

        Assert.Contains("**ติดตามผล** (followup)", help.AllText, StringComparison.Ordinal);
        Assert.Contains("**followup** (ติดตามผล)", help.AllText, StringComparison.Ordinal);
        var card = Assert.Single(view.Posts.SelectMany(p => p.Cards));
        Assert.Contains("ติดตามผลสิ่งที่ภาคีรับปากไว้", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_commitment_is_in_the_view_at_once_before_any_plan_in_Thai_and_English_under_the_workshop_title()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        await CommitAsync(workshop, Person.Alice, "จัดเวทีภาคีเครือข่ายระดับจังหวัด");

        // An English Teams client: the channel card still reads Thai first, English under it.
        var view = await SayInChannelAs(Person.Facilitator, "followup", "en-US");

        var text = CardJson.Text(Assert.Single(view.Posts.SelectMany(p => p.Cards)));
        Assert.Contains("จัดเวทีภาคีเครือข่ายระดับจังหวัด", text, StringComparison.Ordinal);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain(workshop.Id, text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("ติดตามผลสิ่งที่ภาคีรับปากไว้", StringComparison.Ordinal) < text.IndexOf("Follow-up on partners' commitments", StringComparison.Ordinal));
        Assert.Contains("ยังไม่ได้ตั้งแผนติดตามผล", text, StringComparison.Ordinal);
        Assert.Contains("No follow-up plan yet", text, StringComparison.Ordinal);
        // Anonymous workshop: a number, never the name.
        Assert.Contains("ผู้เข้าร่วม 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Alice.Name, text, StringComparison.Ordinal);
        Assert.Null(await _world.Get<FollowUpStore>().GetPlanAsync(workshop.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Partners_are_numbered_as_the_group_summary_numbers_them()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        var people = new[] { (Person.Alice, "ก. ทบทวนฐานข้อมูลผู้รับสวัสดิการ"), (Person.Bob, "ข. เสนองบประมาณกองทุน"), (Person.Carol, "ค. ตั้งคณะทำงานร่วม") };
        foreach (var (person, action) in people)
        {
            await CommitAsync(workshop, person, action);
        }

        var summary = new GroupSummaryBuilder().Build(new GroupSummaryRequest
        {
            WorkshopId = workshop.Id,
            WorkshopTitle = workshop.Title,
            WorkshopDate = workshop.Date,
            GroupId = "g1",
            GroupName = workshop.Groups[0].Name,
            Visibility = workshop.Visibility,
            AnonymityKey = workshop.GetAnonymityKey(),
            QuestionSet = QuestionSetLoader.LoadDefault(),
            Participants = [.. people.Select(p => new SummaryParticipant(
                p.Item1.AadObjectId, null, _world.Stored(p.Item1, workshop.Id)!))],
        });
        var entries = summary.Questions.OfType<CommitmentsQuestionSummary>().Single().Commitments;

        var view = await _world.SayInChannel(Person.Facilitator, "ติดตามผล");

        var rows = AdaptiveCardRows(Assert.Single(view.Posts.SelectMany(p => p.Cards)));
        Assert.Equal(3, entries.Count);
        Assert.Equal([1, 2, 3], entries.Select(e => e.Owner.Number).Order());
        foreach (var entry in entries)
        {
            var row = Assert.Single(rows, r => r.Contains(entry.Action, StringComparison.Ordinal));
            Assert.Contains($"ผู้เข้าร่วม {entry.Owner.Number} · {workshop.Groups[0].Name}", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_plan_is_set_from_a_form_with_a_date_picker_and_choices_and_a_passed_rule_still_goes_out_late()
    {
        // The workshop was on Monday 16 November; it is now Wednesday 18 November, 09:00 in Bangkok.
        var workshop = await _world.CreateWorkshopAsync(title: Title, date: "2026-11-16");
        await CommitAsync(workshop, Person.Alice, "จัดเวทีภาคีเครือข่ายระดับจังหวัด");

        var form = Assert.Single((await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน")).Posts.SelectMany(p => p.Cards));
        Assert.Equal("Input.Date", Input(form, FollowUpPlanVerbs.DateInput).GetProperty("type").GetString());
        Assert.Equal("2026-11-16", Input(form, FollowUpPlanVerbs.DateInput).GetProperty("value").GetString());
        Assert.True(Input(form, FollowUpPlanVerbs.AfterInput).GetProperty("isMultiSelect").GetBoolean());
        Assert.Contains(Input(form, FollowUpPlanVerbs.AfterInput).GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == "0d");
        Assert.Equal("Input.ChoiceSet", Input(form, FollowUpPlanVerbs.WeeklyDayInput).GetProperty("type").GetString());

        // One day after the workshop (17 November, 09:30) has already passed when the plan is saved.
        var saved = await _world.Press(Person.Facilitator, FollowUpPlanVerbs.SavePlan, BotWorld.ButtonData(form, FollowUpPlanVerbs.SavePlan, new Dictionary<string, string>
        {
            [FollowUpPlanVerbs.DateInput] = "2026-11-16",
            [FollowUpPlanVerbs.AfterInput] = "1d",
            [FollowUpPlanVerbs.BeforeInput] = "",
            [FollowUpPlanVerbs.WeeklyDayInput] = "1",
            [FollowUpPlanVerbs.WeeklyTimeInput] = "10:00",
            [FollowUpPlanVerbs.SendAtInput] = FollowUpPlanVerbs.DefaultTime,
        }));

        var confirmation = CardJson.Text(saved.PressedCard!.Value);
        Assert.Contains("การเตือนครั้งถัดไป: 18 พฤศจิกายน พ.ศ. 2569 (ค.ศ. 2026) เวลา 09:00 น. (เวลากรุงเทพฯ) ถึงภาคี 1 คน", confirmation, StringComparison.Ordinal);
        Assert.Contains("Next reminder: 18 November 2026 (B.E. 2569) at 09:00 ICT (Bangkok time), reaching 1 partners.", confirmation, StringComparison.Ordinal);
        Assert.Contains("ทุกวันจันทร์ เวลา 10:00 น.", confirmation, StringComparison.Ordinal);
        var plan = (await _world.Get<FollowUpStore>().GetPlanAsync(workshop.Id, CancellationToken.None))!;
        Assert.Equal((new DateOnly(2026, 11, 16), "1d", "0 10 * * 1"), (plan.WorkshopDate, Assert.Single(plan.AfterWorkshop).ToString(), plan.RecurringCron));

        await _world.Get<ReminderScheduler>().ProcessDueAsync(CancellationToken.None, CancellationToken.None);

        var reminder = Assert.Single(_world.Teams.PostsTo(FakeTeams.PersonalChatOf(Person.Alice.TeamsId)).SelectMany(p => p.Cards),
            c => CardJson.Text(c).Contains("จัดเวทีภาคีเครือข่ายระดับจังหวัด", StringComparison.Ordinal));
        Assert.True(CardJson.HasAction(reminder, ReminderCardVerbs.Done));
    }

    [Fact]
    public async Task The_typed_plan_still_works_for_power_users_and_0d_is_the_workshop_day()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        await CommitAsync(workshop, Person.Alice, "จัดเวทีภาคีเครือข่ายระดับจังหวัด");

        var tooFar = await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน 900d");
        var typed = await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน 0d 2w ก่อน 3");

        Assert.Contains("ใช้ได้ตั้งแต่ 0d (วันประชุม) ถึง 2 ปี", tooFar.AllText, StringComparison.Ordinal);
        Assert.Contains("offsets go from 0d (the workshop day) up to 2 years", tooFar.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("ไม่เข้าใจวันที่ประชุม", tooFar.AllText, StringComparison.Ordinal);
        var reply = Assert.Single(typed.Texts);
        Assert.Contains("หลังประชุม: วันประชุม, 2 สัปดาห์หลังประชุม", reply, StringComparison.Ordinal);
        Assert.Contains("after it: The workshop day, 2 weeks after", reply, StringComparison.Ordinal);
        Assert.Contains("ถึงภาคี 1 คน", reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf("บันทึกแผนติดตามผลแล้ว", StringComparison.Ordinal) < reply.IndexOf("Follow-up plan saved", StringComparison.Ordinal));
        var plan = (await _world.Get<FollowUpStore>().GetPlanAsync(workshop.Id, CancellationToken.None))!;
        Assert.Equal(["0d", "2w"], plan.AfterWorkshop.Select(o => o.ToString()));
    }

    [Fact]
    public async Task A_facilitator_previews_the_next_reminder_and_sends_it_to_themselves()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        await CommitAsync(workshop, Person.Alice, "จัดเวทีภาคีเครือข่ายระดับจังหวัด");
        await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน 14d");
        var view = Assert.Single((await _world.SayInChannel(Person.Facilitator, "ติดตามผล")).Posts.SelectMany(p => p.Cards));
        Assert.Contains("การเตือนครั้งถัดไป: 2 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026) เวลา 09:30 น. · ถึงภาคี 1 คน", CardJson.Text(view), StringComparison.Ordinal);

        var previewed = await _world.Press(Person.Facilitator, FollowUpPlanVerbs.Preview, BotWorld.ButtonData(view, FollowUpPlanVerbs.Preview));
        var preview = Assert.Single(previewed.Posts.SelectMany(p => p.Cards));
        var previewText = CardJson.Text(preview);
        Assert.Contains("ตัวอย่างการเตือนครั้งถัดไป", previewText, StringComparison.Ordinal);
        Assert.Contains("จะส่งถึง ผู้เข้าร่วม 1 · กลุ่มนโยบาย เมื่อ 2 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026) เวลา 09:30 น.", previewText, StringComparison.Ordinal);
        Assert.Contains("จัดเวทีภาคีเครือข่ายระดับจังหวัด", previewText, StringComparison.Ordinal);
        Assert.False(CardJson.HasAction(preview, ReminderCardVerbs.Done));

        var sent = await _world.Press(Person.Facilitator, FollowUpPlanVerbs.SendToMe, BotWorld.ButtonData(preview, FollowUpPlanVerbs.SendToMe));

        Assert.Contains("ส่งตัวอย่างไปที่แชทส่วนตัวของคุณกับบอทแล้ว", sent.InvokeText, StringComparison.Ordinal);
        var mine = Assert.Single(_world.Teams.PostsTo(FakeTeams.PersonalChatOf(Person.Facilitator.TeamsId)).SelectMany(p => p.Cards));
        Assert.Contains("จัดเวทีภาคีเครือข่ายระดับจังหวัด", CardJson.Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain(_world.Teams.PostsTo(FakeTeams.PersonalChatOf(Person.Alice.TeamsId)).SelectMany(p => p.Cards),
            c => CardJson.HasAction(c, ReminderCardVerbs.Done));
    }

    [Fact]
    public async Task A_reminder_due_right_after_another_send_to_the_tenant_waits_its_turn_and_goes_out()
    {
        // The pacer spaces sends to one tenant; the wait it asks for must pass on its own clock, not the plan's.
        var workshop = await _world.CreateWorkshopAsync(title: Title, date: "2026-11-16");
        await CommitAsync(workshop, Person.Alice, "จัดเวทีภาคีเครือข่ายระดับจังหวัด");
        await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน 0d");
        var view = Assert.Single((await _world.SayInChannel(Person.Facilitator, "ติดตามผล")).Posts.SelectMany(p => p.Cards));
        var preview = Assert.Single((await _world.Press(Person.Facilitator, FollowUpPlanVerbs.Preview, BotWorld.ButtonData(view, FollowUpPlanVerbs.Preview))).Posts.SelectMany(p => p.Cards));

        await _world.Press(Person.Facilitator, FollowUpPlanVerbs.SendToMe, BotWorld.ButtonData(preview, FollowUpPlanVerbs.SendToMe));
        var pass = await _world.Get<ReminderScheduler>().ProcessDueAsync(CancellationToken.None, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, pass.Sent);
        Assert.Single(_world.Teams.PostsTo(FakeTeams.PersonalChatOf(Person.Alice.TeamsId)).SelectMany(p => p.Cards),
            c => CardJson.HasAction(c, ReminderCardVerbs.Done));
    }

    [Fact]
    public async Task Only_facilitators_can_save_a_plan_or_preview_a_reminder()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        var form = Assert.Single((await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน")).Posts.SelectMany(p => p.Cards));
        var data = BotWorld.ButtonData(form, FollowUpPlanVerbs.SavePlan, new Dictionary<string, string>
        {
            [FollowUpPlanVerbs.DateInput] = "2026-11-18",
            [FollowUpPlanVerbs.AfterInput] = "1d",
        });

        var saved = await _world.Press(Person.Bob, FollowUpPlanVerbs.SavePlan, data);
        var previewed = await _world.Press(Person.Bob, FollowUpPlanVerbs.Preview, BotWorld.ButtonData(form, FollowUpPlanVerbs.Preview));

        Assert.Equal(403, saved.InvokeStatus);
        Assert.Equal(403, previewed.InvokeStatus);
        Assert.Empty(previewed.Posts);
        Assert.Null(await _world.Get<FollowUpStore>().GetPlanAsync(workshop.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_form_without_any_reminder_or_with_a_bad_date_is_refused_with_a_clear_message()
    {
        var workshop = await _world.CreateWorkshopAsync(title: Title);
        var form = Assert.Single((await _world.SayInChannel(Person.Facilitator, "ติดตามผล แผน")).Posts.SelectMany(p => p.Cards));

        var empty = await _world.Press(Person.Facilitator, FollowUpPlanVerbs.SavePlan, BotWorld.ButtonData(form, FollowUpPlanVerbs.SavePlan, new Dictionary<string, string>
        {
            [FollowUpPlanVerbs.DateInput] = "2026-11-18",
            [FollowUpPlanVerbs.AfterInput] = "",
            [FollowUpPlanVerbs.BeforeInput] = "",
            [FollowUpPlanVerbs.WeeklyDayInput] = FollowUpPlanVerbs.None,
        }));
        var badDate = await _world.Press(Person.Facilitator, FollowUpPlanVerbs.SavePlan, BotWorld.ButtonData(form, FollowUpPlanVerbs.SavePlan, new Dictionary<string, string>
        {
            [FollowUpPlanVerbs.DateInput] = "31/02/2569",
            [FollowUpPlanVerbs.AfterInput] = "1d",
        }));

        Assert.Equal(400, empty.InvokeStatus);
        Assert.Contains("แผนต้องมีอย่างน้อยหนึ่งการเตือน / A plan needs at least one reminder.", empty.InvokeText, StringComparison.Ordinal);
        Assert.Equal(400, badDate.InvokeStatus);
        Assert.Contains("โปรดเลือกวันประชุมจากปฏิทิน", badDate.InvokeText, StringComparison.Ordinal);
        Assert.Null(await _world.Get<FollowUpStore>().GetPlanAsync(workshop.Id, CancellationToken.None));
    }

    /// <summary>Joins <paramref name="person"/> to group 1 and stores one commitment as the dialog does when they submit.</summary>
    private async Task CommitAsync(WorkshopRecord workshop, Person person, string action)
    {
        await _world.JoinAsync(person, workshop, "g1");
        var record = _world.Stored(person, workshop.Id)!;
        await _world.PutParticipantAsync(workshop.Id, person.AadObjectId, record with
        {
            Status = ParticipantStatus.Submitted,
            Answers = record.Answers.SetItem("commitments", new Answer
            {
                Kind = QuestionKind.Commitments,
                Commitments = [new Commitment("c-" + person.AadObjectId[^4..], action, "กองการต่างประเทศ สป.พม.", new DateOnly(2027, 3, 31))],
                AnsweredAt = _world.Time.GetUtcNow(),
            }),
        });
    }

    private Task<BotTurn> SayInChannelAs(Person person, string text, string locale)
    {
        var id = BotWorld.NextId();
        return _world.Send(_world.ChannelActivity(person, ActivityTypes.Message, id, BotWorld.ChannelId + ";messageid=" + id) with
        {
            Text = text,
            TextFormat = "plain",
            Locale = locale,
        });
    }

    private static JsonElement Input(JsonElement card, string id) =>
        SocialProtection.Bot.TestSupport.AdaptiveCardReader.Elements(card).Single(e => e.TryGetProperty("id", out var i) && i.GetString() == id);

    /// <summary>The text of each partner row (a Container in the body) of the view.</summary>
    private static List<string> AdaptiveCardRows(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").Select(CardJson.Text)];
}
