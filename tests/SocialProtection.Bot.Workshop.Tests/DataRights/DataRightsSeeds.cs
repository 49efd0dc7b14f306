using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Summaries;
using SocialProtection.Bot.Workshop.Summaries.Voting;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

/// <summary>
/// What the other features would have stored, put straight into a <see cref="BotWorld"/>'s store for the data-rights
/// tests: participant records, follow-ups, queued reminders, conversation references, workshops, summaries, ballots
/// and votes. Its world answers into <see cref="WorkshopId"/> and starts two days after the workshop.
/// </summary>
internal static class DataRightsSeeds
{
    public const string WorkshopId = "ws-dr";
    public const string OtherWorkshopId = "ws-other";
    public const string BotId = "28:bot";

    public static QuestionSet Set => QuestionSetLoader.LoadDefault();

    /// <summary>A world with no facilitator configured: who may erase what follows from the stored workshops and plans only.</summary>
    public static BotWorld NewWorld(IDictionary<string, string?>? settings = null) => new(
        new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Workshop:DefaultWorkshopId"] = WorkshopId,
            ["Workshop:Facilitators:0"] = null,
        },
        start: new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));

    public static ParticipantRecord Record(string workshopId, string goodPractices, string leverage, params Commitment[] commitments)
    {
        var at = new DateTimeOffset(2026, 11, 18, 2, 30, 0, TimeSpan.Zero);
        var answers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, Answer>
        {
            ["organisationType"] = new() { Kind = QuestionKind.SingleChoice, Choices = ["civilSociety"], AnsweredAt = at },
            ["goodPractices"] = new() { Kind = QuestionKind.LongText, Text = goodPractices, AnsweredAt = at },
            ["leveragePoints"] = new() { Kind = QuestionKind.LongText, Text = leverage, AnsweredAt = at },
            ["priorityGroups"] = new() { Kind = QuestionKind.MultiChoice, Choices = ["children", "olderPersons"], AnsweredAt = at },
            ["strategyRecommendations"] = new() { Kind = QuestionKind.LongText, Skipped = true, AnsweredAt = at },
            ["networkReadiness"] = new() { Kind = QuestionKind.Rating, Rating = 4, AnsweredAt = at },
            ["followUpDate"] = new() { Kind = QuestionKind.Date, Date = new DateOnly(2026, 12, 31), AnsweredAt = at },
            ["commitments"] = new() { Kind = QuestionKind.Commitments, Commitments = commitments, AnsweredAt = at },
        });
        return new ParticipantRecord
        {
            WorkshopId = workshopId,
            QuestionSetId = Set.Id,
            QuestionSetVersion = Set.Version,
            Status = ParticipantStatus.Submitted,
            Answers = answers,
            CreatedAt = at,
            UpdatedAt = at,
            SubmittedAt = at,
        };
    }

    public static Task PutConversationAsync(this BotWorld world, string userKey, string teamsId, string name) =>
        new JsonObjectStore(world.Store, StoredJson.StoreOptions()).WriteAsync(
            UserProfileStore.Key(userKey),
            new UserProfile { Conversation = new PersonalConversationRecord
            {
                Reference = new ConversationReference
                {
                    User = new ChannelAccount { Id = teamsId, Name = name, AadObjectId = userKey },
                    Bot = new ChannelAccount { Id = BotId },
                    Conversation = new ConversationAccount { Id = "a:" + teamsId, ConversationType = "personal" },
                    ServiceUrl = "https://smba.example/teams/",
                    ChannelId = "msteams",
                },
                Fingerprint = "f-" + userKey,
            } },
            WriteCondition.None,
            CancellationToken.None);

    public static Task PutFollowUpAsync(this BotWorld world, string workshopId, string userKey, params (string CommitmentId, CommitmentStatus Status, string? Note)[] commitments) =>
        world.Get<FollowUpStore>().WritePartnerAsync(
            new PartnerFollowUp
            {
                WorkshopId = workshopId,
                UserKey = userKey,
                Commitments = [.. commitments.Select(c => new FollowUpCommitment
                {
                    Id = c.CommitmentId,
                    Action = "a",
                    Organisation = "o",
                    DueDate = new DateOnly(2027, 3, 31),
                    Status = c.Status,
                    StatusChangedAt = world.Time.GetUtcNow(),
                    Notes = c.Note is null ? [] : [new ProgressNote(world.Time.GetUtcNow(), c.Status, c.Note)],
                })],
            },
            etag: null,
            CancellationToken.None);

    public static async Task<string> QueueReminderAsync(this BotWorld world, string workshopId, string userKey, string commitmentId)
    {
        var nominal = world.Time.GetUtcNow().AddDays(3);
        var occurrence = ReminderOccurrence.From(
            workshopId,
            userKey,
            new PlannedReminder(commitmentId, ReminderKind.AfterWorkshop, "after:14d", nominal, nominal),
            world.Time.GetUtcNow());
        await world.Get<FollowUpStore>().EnqueueAsync(occurrence, CancellationToken.None);
        return occurrence.Key;
    }

    public static Task PutPlanAsync(this BotWorld world, string workshopId, IEnumerable<string> facilitators, DateTimeOffset? closedAt = null, string? channelId = BotWorld.ChannelId) =>
        world.Get<FollowUpStore>().UpdatePlanAsync(
            workshopId,
            _ => UpdateDecision.Write(new FollowUpPlan
            {
                WorkshopId = workshopId,
                WorkshopDate = new DateOnly(2026, 11, 18),
                FacilitatorUserKeys = [.. facilitators],
                ClosedAt = closedAt,
                FacilitatorConversation = channelId is null ? null : new ConversationReference
                {
                    Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", IsGroup = true },
                    ServiceUrl = "https://smba.example/teams/",
                    ChannelId = "msteams",
                },
            }),
            CancellationToken.None);

    /// <summary>Stores a workshop as facilitators set it up in <see cref="BotWorld.ChannelId"/>, and makes it the channel's current one.</summary>
    public static async Task<WorkshopRecord> PutWorkshopAsync(
        this BotWorld world,
        string workshopId,
        AnswerVisibility visibility,
        IEnumerable<string> facilitators,
        WorkshopStatus status = WorkshopStatus.Open,
        DateTimeOffset? closedAt = null,
        string channelId = BotWorld.ChannelId)
    {
        var record = new WorkshopRecord
        {
            Id = workshopId,
            Title = "เวทีถอดบทเรียน ความคุ้มครองทางสังคม",
            Date = new DateOnly(2026, 11, 18),
            QuestionSetId = Set.Id,
            Groups = [new BreakoutGroup { Id = "g1", Name = "กลุ่มนโยบาย" }, new BreakoutGroup { Id = "g2", Name = "กลุ่มกลไก" }],
            Visibility = visibility,
            Facilitators = [.. facilitators],
            Channel = new ConversationReference
            {
                Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", IsGroup = true },
                ServiceUrl = "https://smba.example/teams/",
                ChannelId = "msteams",
            },
            CreatedBy = facilitators.First(),
            CreatedAt = world.Time.GetUtcNow().AddDays(-3),
            Status = status,
            ClosedAt = closedAt,
            AnonymityKeyBase64 = AnonymityKey.Create().ToBase64(),
        };
        var workshops = world.Get<WorkshopStore>();
        Assert.True(await workshops.CreateAsync(record, CancellationToken.None));
        await workshops.AddToChannelAsync(channelId, workshopId, CancellationToken.None);
        return record;
    }

    /// <summary>Builds the workshop's all-groups summary from the stored participants and stores it with its ballot.</summary>
    public static async Task<GroupSummary> PostSummaryAsync(this BotWorld world, string workshopId, params string[] userKeys)
    {
        var people = new List<SummaryParticipant>();
        foreach (var key in userKeys)
        {
            var record = (await new JsonObjectStore(world.Store, StoredJson.StoreOptions()).ReadAsync<ParticipantRecord>(WorkshopKeys.Participant(workshopId, key), CancellationToken.None))!.Value;
            people.Add(new SummaryParticipant(key, null, record));
        }
        var summary = world.Get<GroupSummaryBuilder>().Build(new GroupSummaryRequest
        {
            WorkshopId = workshopId,
            WorkshopTitle = "เวทีถอดบทเรียน",
            WorkshopDate = new DateOnly(2026, 11, 18),
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = AnonymityKey.Create(),
            QuestionSet = Set,
            Participants = people,
        });
        await world.Get<GroupSummaryStore>().SaveAsync(summary, CancellationToken.None);
        await world.Get<DotVoteStore>().SaveBallotAsync(DotVoteBallot.For(summary, userKeys), CancellationToken.None);
        return summary;
    }
}
