using System.Text.RegularExpressions;
using SocialProtection.Bot.EndToEnd.Tests.Facilitation;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using Xunit.Abstractions;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Issue 16, item 5: three whole bots (the host's Program) on one Azurite container, as three instances of an App
/// Service plan. Only the instance holding the sending lease sends proactively, so together they keep Teams' limits as
/// one bot would; work decided on another instance reaches it through the store; when it stops, another takes over
/// and every reminder still goes out exactly once. Every call the bot makes is checked on the times the recording
/// connector received it.
/// </summary>
public sealed partial class ThreeInstancesOnAzuriteTests(AzuriteServer azurite, ITestOutputHelper output) : IClassFixture<AzuriteServer>, IAsyncLifetime
{
    private const string FollowUpWorkshop = "scale-out";
    private const string Tenant1 = "tenant-1";
    private const string Tenant2 = "tenant-2";
    private const int PerTenant = 90;
    // These partners of tenant 1 share one chat, so its per-conversation windows bind too.
    private const int SharedChat = 16;
    private const int Partners = 2 * PerTenant;
    private const string SharedConversation = "a:t1-shared";

    private readonly string _container = "scaleout" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _facilitatorId = Guid.NewGuid().ToString();
    private readonly List<BotHost> _bots = [];
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Three_instances_keep_every_Teams_window_send_each_reminder_once_and_hand_over_when_the_sender_stops()
    {
        var settings = Settings();
        for (var i = 0; i < 3; i++)
        {
            _bots.Add(await BotHost.StartAsync(settings));
        }
        var sender = await OnlyHolderAsync(_bots);
        var others = _bots.Where(b => b != sender).ToArray();

        // A facilitator's press on an instance that does not send: the sending instance sends the reminders.
        var (personalChats, toast) = await RemindUnfinishedOnAsync(others[0], others[1]);
        Assert.Contains("Reminded 2 in their personal chat", toast, StringComparison.Ordinal);

        // Follow-up reminders for two tenants fall due at once.
        await SeedFollowUpsAsync(others[1]);
        await _connector.WaitForAsync(calls => FollowUps(calls).Count >= Partners / 3, TimeSpan.FromSeconds(180));

        // The sending instance stops (a deployment, a scale-in): it finishes its sends and hands the lease over.
        await sender.DisposeAsync();
        _bots.Remove(sender);
        var next = await OnlyHolderAsync(_bots);

        await _connector.WaitForAsync(calls => FollowUps(calls).Count >= Partners && ProgressReminders(calls, personalChats).Count >= 2, TimeSpan.FromSeconds(240));
        // A few more polls of both remaining instances: nothing is sent again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var calls = _connector.Calls;

        // Exactly once: every partner's reminder, and each finish-your-answers reminder.
        var followUps = FollowUps(calls);
        Assert.Equal(Partners, followUps.Count);
        var reminded = followUps.Select(c => ActionNumber().Match(c.VisibleText)).Select(m => m.Success ? m.Value : "?").ToList();
        Assert.Equal(Partners, reminded.Distinct().Count());
        Assert.Equal(personalChats.Order(), ProgressReminders(calls, personalChats).Select(c => c.ConversationId).Order());
        Assert.Empty(await next.GetRequiredService<IObjectStore>().ListAsync(ReminderKeys.DuePrefix, CancellationToken.None).ToListAsync());
        Assert.True(next.GetRequiredService<SenderLeadership>().Terms >= 1);

        // No Teams window exceeded, counting everything the three instances sent.
        var sent = calls.Where(c => c.Method is "POST" or "PUT" or "CREATE").ToList();
        var audits = sent.GroupBy(c => c.ConversationId)
            .Select(conversation => TeamsWindowAudit.FindViolation("conversation " + conversation.Key, conversation.Select(c => c.ReceivedAt), TeamsWindowAudit.PerConversation))
            .Concat(sent.GroupBy(TenantOf).Select(tenant => TeamsWindowAudit.FindViolation("tenant " + tenant.Key, tenant.Select(c => c.ReceivedAt), [(50, TimeSpan.FromSeconds(1))])))
            .Append(TeamsWindowAudit.FindViolation("the app", sent.Select(c => c.ReceivedAt), [(50, TimeSpan.FromSeconds(1))]));
        List<string> violations = [.. audits.OfType<string>()];
        Assert.Empty(violations);

        output.WriteLine($"{sent.Count} calls; busiest second: app {TeamsWindowAudit.MaxInAnySpan(sent.Select(c => c.ReceivedAt), TimeSpan.FromSeconds(1))}, " +
            $"tenant 1 {TeamsWindowAudit.MaxInAnySpan(sent.Where(c => TenantOf(c) == Tenant1).Select(c => c.ReceivedAt), TimeSpan.FromSeconds(1))}, " +
            $"shared chat {TeamsWindowAudit.MaxInAnySpan(sent.Where(c => c.ConversationId == SharedConversation).Select(c => c.ReceivedAt), TimeSpan.FromSeconds(1))}");
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = BotHost.BlobStore(azurite, _container);
        settings["Workshop:Facilitators:0"] = _facilitatorId;
        settings["Reminders:Schedule:WorkdayStart"] = "00:00";
        settings["Reminders:Schedule:WorkdayEnd"] = "23:59:59";
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var d = 0; d < days.Length; d++)
        {
            settings[$"Reminders:Schedule:WorkingDays:{d}"] = days[d];
        }
        settings["Reminders:Scheduler:PollInterval"] = "00:00:01";
        settings["Reminders:Scheduler:PlanningInterval"] = "00:00:10";
        settings["Reminders:Scheduler:BatchSize"] = "40";
        // A claim cut off by the stop (none should be: claimed reminders are seen through while draining) is taken
        // over after this, not after the 2-minute default.
        settings["Reminders:Scheduler:ClaimDuration"] = "00:00:15";
        settings["Reminders:Scheduler:SenderLeaseDuration"] = "00:00:15";
        settings["Reminders:Scheduler:SenderLeaseRetryInterval"] = "00:00:01";
        settings["Reminders:Scheduler:SenderPollInterval"] = "00:00:01";
        // The documented limits stay as they are (30 per tenant per second, 50 per app, the per-conversation windows).
        // The margin is wider than in production: the connector here timestamps calls after three hosts, Azurite and
        // the test share two cores, so a call can reach it later than the one paced after it.
        settings["Reminders:RateLimits:SafetyMargin"] = "00:00:00.5";
        return settings;
    }

    /// <summary>Waits until exactly one of <paramref name="bots"/> holds the sending lease, and returns it.</summary>
    private static async Task<BotHost> OnlyHolderAsync(IReadOnlyList<BotHost> bots)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var holders = bots.Where(b => b.GetRequiredService<SenderLeadership>().IsHolder).ToList();
            if (holders.Count == 1)
            {
                return holders[0];
            }
            Assert.True(holders.Count <= 1, "Two instances held the sending lease at once.");
            Assert.True(DateTime.UtcNow < deadline, "No instance took the sending lease.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The facilitator creates a workshop through <paramref name="facilitatorSide"/>; two participants join through
    /// <paramref name="participantSide"/> and do not finish; the facilitator presses "remind those who have not
    /// finished" there. Returns the participants' personal chats and the toast.
    /// </summary>
    private async Task<(string[] Chats, string Toast)> RemindUnfinishedOnAsync(BotHost facilitatorSide, BotHost participantSide)
    {
        using var facilitatorHttp = facilitatorSide.CreateClient();
        using var participantHttp = participantSide.CreateClient();
        var facilitator = new ChannelMember(facilitatorHttp, _connector.ServiceUrl, "สมศรี ใจดี", _facilitatorId);
        await facilitator.PostAsync("workshop new");
        var setup = await LastCardCallAsync(FacilitationVerbs.Create);
        var data = AdaptiveCardReader.ExecuteData(setup.Cards.First(), FacilitationVerbs.Create);
        data["title"] = "ถอดบทเรียน";
        data["date"] = "2026-11-18";
        await facilitator.PressAsync(FacilitationVerbs.Create, data, "setup-card");
        var kickoff = await LastCardCallAsync(FacilitationVerbs.Join);

        ChannelMember[] people =
        [
            new(participantHttp, _connector.ServiceUrl, "นภา ศรีสุข", Guid.NewGuid().ToString()),
            new(participantHttp, _connector.ServiceUrl, "ดวงใจ มีสุข", Guid.NewGuid().ToString()),
        ];
        var chats = people.Select(p => "a:personal-" + p.Id).ToArray();
        foreach (var person in people)
        {
            await person.PressAsync(FacilitationVerbs.Join, AdaptiveCardReader.ExecuteData(kickoff.Cards.First(), FacilitationVerbs.Join), "kickoff-card");
        }
        await _connector.WaitForAsync(calls => chats.All(chat => calls.Any(c => c.ConversationId == chat && c.Cards.Any())));

        await facilitator.PostAsync("progress");
        var progress = await LastCardCallAsync(FacilitationVerbs.RemindUnfinished);
        var participantFacilitator = new ChannelMember(participantHttp, _connector.ServiceUrl, "สมศรี ใจดี", _facilitatorId);
        var answer = await participantFacilitator.PressAsync(FacilitationVerbs.RemindUnfinished,
            AdaptiveCardReader.ExecuteData(progress.Cards.First(), FacilitationVerbs.RemindUnfinished), "progress-card");
        return (chats, answer.GetProperty("value").GetString() ?? "");
    }

    private async Task<ConnectorCall> LastCardCallAsync(string verb) =>
        (await _connector.WaitForAsync(calls => calls.Any(c => HasButton(c, verb)))).Last(c => HasButton(c, verb));

    private static bool HasButton(ConnectorCall call, string verb) => call.Cards.Any(card => AdaptiveCardReader.HasExecute(card, verb));

    private static List<ConnectorCall> FollowUps(IReadOnlyList<ConnectorCall> calls) =>
        [.. calls.Where(c => c.Method == "POST" && c.ActivityId is null && (c.ConversationId.StartsWith("a:t1-", StringComparison.Ordinal) || c.ConversationId.StartsWith("a:t2-", StringComparison.Ordinal)))];

    private static List<ConnectorCall> ProgressReminders(IReadOnlyList<ConnectorCall> calls, string[] chats) =>
        [.. calls.Where(c => c.Method == "POST" && chats.Contains(c.ConversationId) && (c.Text ?? "").Contains("ยังไม่เสร็จ", StringComparison.Ordinal))];

    private static string TenantOf(ConnectorCall call) =>
        call.ConversationId.StartsWith("a:t1-", StringComparison.Ordinal) ? Tenant1
        : call.ConversationId.StartsWith("a:t2-", StringComparison.Ordinal) ? Tenant2
        : ChannelMember.TenantId;

    [GeneratedRegex(@"ทำ A \d+-\d+")]
    private static partial Regex ActionNumber();

    /// <summary>A plan whose reminder fell due five minutes ago, and partners of two tenants, each with a personal chat.</summary>
    private async Task SeedFollowUpsAsync(BotHost bot)
    {
        var store = bot.GetRequiredService<FollowUpStore>();
        var conversations = bot.GetRequiredService<UserProfileStore>();
        var now = DateTimeOffset.UtcNow;
        var target = BangkokTime.ToLocal(now).AddMinutes(-5);
        var partners = Enumerable.Range(0, PerTenant).Select(i => (Tenant: Tenant1, Number: 1, Index: i))
            .Concat(Enumerable.Range(0, PerTenant).Select(i => (Tenant: Tenant2, Number: 2, Index: i)));
        await Parallel.ForEachAsync(partners, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (partner, token) =>
        {
            var userKey = $"t{partner.Number}-{partner.Index:000}";
            var conversationId = partner.Number == 1 && partner.Index < SharedChat ? SharedConversation : "a:" + userKey;
            await conversations.SaveConversationAsync(userKey, new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = _connector.ServiceUrl.ToString(),
                Bot = new ChannelAccount { Id = "28:bot" },
                User = new ChannelAccount { Id = "29:" + userKey },
                Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = partner.Tenant },
                TenantId = partner.Tenant,
            }, known: null, token);
            await store.UpdatePartnerAsync(FollowUpWorkshop, userKey, _ => UpdateDecision.Write(new PartnerFollowUp
            {
                WorkshopId = FollowUpWorkshop,
                UserKey = userKey,
                TeamsUserId = "29:" + userKey,
                PlannedThrough = now.AddHours(-1),
                Commitments = [new FollowUpCommitment { Id = "c1", Action = $"ทำ A {partner.Number}-{partner.Index}", Organisation = "กรม ก", DueDate = new DateOnly(2030, 1, 1) }],
            }), token);
        });

        await store.UpdatePlanAsync(FollowUpWorkshop, _ => UpdateDecision.Write(new FollowUpPlan
        {
            WorkshopId = FollowUpWorkshop,
            WorkshopDate = DateOnly.FromDateTime(target.DateTime).AddDays(-1),
            AfterWorkshop = [new FollowUpOffset(1, OffsetUnit.Days)],
            SendAt = TimeOnly.FromDateTime(target.DateTime),
            Version = 1,
        }), CancellationToken.None);
    }
}
