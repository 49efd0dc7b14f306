using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
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
using SocialProtection.Bot.Workshop.Tests.TestBot;

namespace SocialProtection.Bot.Workshop.Tests.DataRights;

/// <summary>
/// The workshop features as the host wires them (AddWorkshop, the route modules in registration order, one router)
/// over a local-disk store in a temp folder, with helpers that store what the other features would have stored:
/// participant records, follow-ups, queued reminders, conversation references, summaries, ballots and votes.
/// </summary>
internal sealed class DataRightsWorld : IDisposable
{
    public const string WorkshopId = "ws-dr";
    public const string OtherWorkshopId = "ws-other";
    public const string ChannelId = "19:workshopchannel@thread.tacv2";
    public const string BotId = "28:bot";

    private readonly ServiceProvider _provider;

    public DataRightsWorld(IDictionary<string, string?>? settings = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "dr-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        Store = new FileObjectStore(Root, Time);
        var values = new Dictionary<string, string?> { ["Workshop:DefaultWorkshopId"] = WorkshopId };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        _provider = TestBotServices.Create(values, Store, Time, Members).BuildServiceProvider();
        Router = _provider.GetRequiredService<WorkshopRoutes>().Build();
        Json = new JsonObjectStore(Store);
        Participants = new JsonObjectStore(Store, StoredJson.StoreOptions());
        FollowUps = new FollowUpStore(Store);
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    public FileObjectStore Store { get; }

    public ActivityRouter Router { get; }

    public JsonObjectStore Json { get; }

    public JsonObjectStore Participants { get; }

    public FollowUpStore FollowUps { get; }

    public FakeMembers Members { get; } = new();

    public static QuestionSet Set => QuestionSetLoader.LoadDefault();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

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

    public Task PutParticipantAsync(string workshopId, string userKey, ParticipantRecord record) =>
        Participants.WriteAsync(WorkshopKeys.Participant(workshopId, userKey), record, WriteCondition.None, CancellationToken.None);

    public Task PutConversationAsync(string userKey, string teamsId, string name) =>
        Participants.WriteAsync(
            WorkshopKeys.PersonalConversation(userKey),
            new PersonalConversationRecord
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
            },
            WriteCondition.None,
            CancellationToken.None);

    public Task PutFollowUpAsync(string workshopId, string userKey, params (string CommitmentId, CommitmentStatus Status, string? Note)[] commitments) =>
        FollowUps.WritePartnerAsync(
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
                    StatusChangedAt = Time.GetUtcNow(),
                    Notes = c.Note is null ? [] : [new ProgressNote(Time.GetUtcNow(), c.Status, c.Note)],
                })],
            },
            etag: null,
            CancellationToken.None);

    public async Task<string> QueueReminderAsync(string workshopId, string userKey, string commitmentId)
    {
        var nominal = Time.GetUtcNow().AddDays(3);
        var occurrence = ReminderOccurrence.From(
            workshopId,
            userKey,
            new PlannedReminder(commitmentId, ReminderKind.AfterWorkshop, "after:14d", nominal, nominal),
            Time.GetUtcNow());
        await FollowUps.EnqueueAsync(occurrence, CancellationToken.None);
        return occurrence.Key;
    }

    public Task PutPlanAsync(string workshopId, IEnumerable<string> facilitators, DateTimeOffset? closedAt = null, string? channelId = ChannelId) =>
        FollowUps.UpdatePlanAsync(
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

    /// <summary>Stores a workshop as facilitators set it up in <see cref="ChannelId"/>, and makes it the channel's current one.</summary>
    public async Task<WorkshopRecord> PutWorkshopAsync(
        string workshopId,
        AnswerVisibility visibility,
        IEnumerable<string> facilitators,
        WorkshopStatus status = WorkshopStatus.Open,
        DateTimeOffset? closedAt = null,
        string channelId = ChannelId)
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
            CreatedAt = Time.GetUtcNow().AddDays(-3),
            Status = status,
            ClosedAt = closedAt,
            AnonymityKeyBase64 = AnonymityKey.Create().ToBase64(),
        };
        var workshops = Get<WorkshopStore>();
        Assert.True(await workshops.CreateAsync(record, CancellationToken.None));
        await workshops.AddToChannelAsync(channelId, workshopId, CancellationToken.None);
        return record;
    }

    /// <summary>Builds the workshop's all-groups summary from the stored participants and stores it with its ballot.</summary>
    public async Task<GroupSummary> PostSummaryAsync(string workshopId, params string[] userKeys)
    {
        var people = new List<SummaryParticipant>();
        foreach (var key in userKeys)
        {
            var record = (await Participants.ReadAsync<ParticipantRecord>(WorkshopKeys.Participant(workshopId, key), CancellationToken.None))!.Value;
            people.Add(new SummaryParticipant(key, null, record));
        }
        var summary = Get<GroupSummaryBuilder>().Build(new GroupSummaryRequest
        {
            WorkshopId = workshopId,
            WorkshopTitle = "เวทีถอดบทเรียน",
            WorkshopDate = new DateOnly(2026, 11, 18),
            Visibility = AnswerVisibility.Anonymous,
            AnonymityKey = AnonymityKey.Create(),
            QuestionSet = Set,
            Participants = people,
        });
        await Get<GroupSummaryStore>().SaveAsync(summary, CancellationToken.None);
        await Get<DotVoteStore>().SaveBallotAsync(DotVoteBallot.For(summary, userKeys), CancellationToken.None);
        return summary;
    }

    public async Task<List<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var info in Store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(info.Key);
        }
        return keys;
    }

    public void Dispose()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }
}
