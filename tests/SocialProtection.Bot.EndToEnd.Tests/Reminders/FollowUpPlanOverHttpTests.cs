using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SocialProtection.Bot.EndToEnd.Tests.Facilitation;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Reminders.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Reminders;

/// <summary>
/// Through /api/messages on the real host (issue 17, item 3): a commitment a participant submitted is in the follow-up
/// view before any plan exists; the plan is set on the form card and the confirmation says, in Thai then English, when
/// the next reminder goes out (Bangkok time) and to how many partners.
/// </summary>
public sealed class FollowUpPlanOverHttpTests : ChannelBotTest
{
    private const string Action = "จัดเวทีภาคีเครือข่ายระดับจังหวัด";

    protected override void Configure(Dictionary<string, string?> settings) => settings["Reminders:Scheduler:Enabled"] = "false";

    [Fact]
    public async Task A_commitment_shows_before_any_plan_and_the_plan_form_confirms_the_next_send_time_and_reach()
    {
        var connector = Connector;
        using var http = Bot.CreateClient();
        var facilitator = Facilitator(http);
        var workshopId = await CreateWorkshopAsync(facilitator);
        await SubmitCommitmentAsync(workshopId, Guid.NewGuid().ToString());

        var before = connector.Calls.Count;
        await facilitator.PostAsync("ติดตามผล");
        var view = (await connector.WaitForAsync(calls => calls.Skip(before).Any(c => c.Cards.Any()))).Skip(before).First(c => c.Cards.Any());
        Assert.Contains(Action, view.VisibleText, StringComparison.Ordinal);
        Assert.Contains("ยังไม่ได้ตั้งแผนติดตามผล", view.VisibleText, StringComparison.Ordinal);
        Assert.Contains("ถอดบทเรียน", view.VisibleText, StringComparison.Ordinal);

        before = connector.Calls.Count;
        await facilitator.PostAsync("ติดตามผล แผน");
        var form = (await connector.WaitForAsync(calls => calls.Skip(before).Any(c => c.Cards.Any()))).Skip(before).First(c => c.Cards.Any()).Cards.First();
        var data = AdaptiveCardReader.ExecuteData(form, FollowUpPlanVerbs.SavePlan);
        data[FollowUpPlanVerbs.DateInput] = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        data[FollowUpPlanVerbs.AfterInput] = "0d,1w";
        data[FollowUpPlanVerbs.BeforeInput] = "3";
        data[FollowUpPlanVerbs.WeeklyDayInput] = FollowUpPlanVerbs.None;
        data[FollowUpPlanVerbs.SendAtInput] = FollowUpPlanVerbs.DefaultTime;

        var saved = await facilitator.PressAsync(FollowUpPlanVerbs.SavePlan, data, "plan-form");

        Assert.Equal("application/vnd.microsoft.card.adaptive", saved.GetProperty("type").GetString());
        var confirmation = AdaptiveCardReader.Text(saved.GetProperty("value"));
        Assert.Contains("(เวลากรุงเทพฯ) ถึงภาคี 1 คน", confirmation, StringComparison.Ordinal);
        Assert.Contains("(Bangkok time), reaching 1 partners.", confirmation, StringComparison.Ordinal);
        Assert.Matches(@"พ\.ศ\. 25\d\d \(ค\.ศ\. 20\d\d\) เวลา \d\d:\d\d น\.", confirmation);
        var plan = await Bot.GetRequiredService<FollowUpStore>().GetPlanAsync(workshopId, CancellationToken.None);
        Assert.Equal(["0d", "1w"], plan!.AfterWorkshop.Select(o => o.ToString()));
    }

    /// <summary>A participant record with one commitment, as the dialog stores it on submit.</summary>
    private async Task SubmitCommitmentAsync(string workshopId, string userKey)
    {
        var set = QuestionSetLoader.LoadDefault();
        var now = DateTimeOffset.UtcNow;
        var record = new ParticipantRecord
        {
            WorkshopId = workshopId,
            UserKey = userKey,
            GroupId = "g1",
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            Status = ParticipantStatus.Submitted,
            CreatedAt = now,
            UpdatedAt = now,
            Answers = ImmutableSortedDictionary<string, Answer>.Empty.Add("commitments", new Answer
            {
                Kind = QuestionKind.Commitments,
                Commitments = [new Commitment("c1", Action, "กองการต่างประเทศ สป.พม.", DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6))],
                AnsweredAt = now,
            }),
        };
        var store = new JsonObjectStore(Bot.GetRequiredService<IObjectStore>(), StoredJson.StoreOptions());
        await store.WriteAsync(WorkshopKeys.Participant(workshopId, userKey), record, WriteCondition.IfNotExists, CancellationToken.None);
    }
}
