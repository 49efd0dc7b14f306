using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;
using SocialProtection.Bot.Workshop.Tests.TestBot;

namespace SocialProtection.Bot.Workshop.Tests.Facilitation;

/// <summary>
/// The bot as the host wires it (AddWorkshopBot and its route table, the
/// background summary poster running) over a local-disk store in a temp folder and a <see cref="FakeTeams"/>
/// connector, driven with Teams-shaped channel and personal-chat activities. No HTTP. The bot's own @mention is
/// removed from channel messages as the /api/messages endpoint does.
/// </summary>
internal sealed class FacilitationWorld : IAsyncDisposable
{
    public const string TenantId = "7a1e3c2b-0000-4000-8000-00000000a11a";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b075";
    public const string BotName = "Workshop Bot";
    public const string TeamId = "19:teamgeneral@thread.tacv2";
    public const string ChannelId = "19:workshopchannel@thread.tacv2";
    public const string OtherChannelId = "19:otherchannel@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string DefaultWorkshopId = "default";

    private static int _activityNumber;
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _hosted;

    /// <param name="wrapStore">Puts a test store (counting, failing) between the bot and the real store.</param>
    public FacilitationWorld(IDictionary<string, string?>? settings = null, TeamsRateLimitOptions? rateLimits = null, Func<IObjectStore, IObjectStore>? wrapStore = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "sp-bot-tests", "fac-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        Store = new FileObjectStore(Root, Time);
        var values = new Dictionary<string, string?>
        {
            ["Workshop:DefaultWorkshopId"] = DefaultWorkshopId,
            ["Workshop:Facilitators:0"] = Person.Facilitator.AadObjectId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var services = TestBotServices.Create(values, wrapStore?.Invoke(Store) ?? Store, Time, Teams);
        // Pacing waits on the real clock: the test clock only dates what the bot writes.
        services.AddSingleton(new TeamsSendPacer(rateLimits ?? new TeamsRateLimitOptions(), TimeProvider.System));
        _provider = services.BuildServiceProvider();
        Router = _provider.GetRequiredService<WorkshopRoutes>().Build();
        _hosted = [.. _provider.GetServices<IHostedService>().Where(s => s is SenderLeadership or SummaryPostingService or ProgressReminderService)];
        foreach (var service in _hosted)
        {
            service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    public FileObjectStore Store { get; }

    public FakeTeams Teams { get; } = new();

    public ActivityRouter Router { get; }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Makes <paramref name="person"/> a member of the team, as Teams' member look-up knows them.</summary>
    public void AddMember(Person person) => Teams.Members[person.TeamsId] = new TeamsChannelAccount
    {
        Id = person.TeamsId,
        AadObjectId = person.AadObjectId,
        Name = person.Name,
        TenantId = TenantId,
    };

    // ---- Activities -------------------------------------------------------------------------------------------

    /// <summary>A new post in the channel that @mentions the bot (and anyone in <paramref name="mentions"/>).</summary>
    public Task<ChannelTurn> SayInChannel(Person person, string text, Person[]? mentions = null, string? activityId = null, string channelId = ChannelId)
    {
        var id = activityId ?? NextId();
        var entities = new List<Entity> { Mention(BotId, BotName) };
        var body = $"<at>{BotName}</at> {text}";
        foreach (var mentioned in mentions ?? [])
        {
            entities.Add(Mention(mentioned.TeamsId, mentioned.Name));
            body += $" <at>{mentioned.Name}</at>";
        }
        var activity = ChannelActivity(person, ActivityTypes.Message, id, channelId + ";messageid=" + id) with
        {
            Text = body,
            TextFormat = "plain",
            Entities = entities,
        };
        return Send(RecipientMention.Strip(activity));
    }

    /// <summary>Presses <paramref name="verb"/> on a card in the channel: Action.Execute (desktop) or its Action.Submit fallback (mobile).</summary>
    public Task<ChannelTurn> Press(Person person, string verb, JsonObject data, string? replyToId = "card-1",
        CardActionSource source = CardActionSource.Execute, string channelId = ChannelId, string? activityId = null)
    {
        var id = activityId ?? NextId();
        var activity = ChannelActivity(person, source == CardActionSource.Execute ? ActivityTypes.Invoke : ActivityTypes.Message, id, channelId + ";messageid=" + (replyToId ?? id));
        return Send(source == CardActionSource.Execute
            ? activity with
            {
                Name = ActivityRouter.AdaptiveCardActionInvoke,
                ReplyToId = replyToId,
                Value = JsonSerializer.SerializeToElement(new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                    ["trigger"] = "manual",
                }),
            }
            : activity with
            {
                ReplyToId = replyToId,
                Value = JsonSerializer.SerializeToElement(WithVerb(data, verb)),
            });
    }

    /// <summary>The data of <paramref name="verb"/>'s button on <paramref name="card"/>, with <paramref name="inputs"/> merged in as Teams does.</summary>
    public static JsonObject ButtonData(JsonElement card, string verb, IDictionary<string, string>? inputs = null)
    {
        var data = JsonNode.Parse(CardJson.ActionData(card, verb).GetRawText())!.AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }
        return data;
    }

    /// <summary>A message the person types in their personal chat with the bot.</summary>
    public Task<ChannelTurn> SayPersonally(Person person, string text) =>
        Send(PersonalActivity(person, ActivityTypes.Message, NextId()) with { Text = text });

    /// <summary>Presses a button on a card in the person's personal chat (Action.Execute).</summary>
    public Task<ChannelTurn> PressPersonally(Person person, JsonElement card, string verb, string? answer = null)
    {
        var data = JsonNode.Parse(CardJson.ActionData(card, verb).GetRawText())!.AsObject();
        if (answer is not null)
        {
            data["answer"] = answer;
        }
        return PressPersonally(person, verb, data);
    }

    /// <summary>Presses a button in the person's personal chat with exactly <paramref name="data"/> (forged data too).</summary>
    public Task<ChannelTurn> PressPersonally(Person person, string verb, JsonObject data) =>
        Send(PersonalActivity(person, ActivityTypes.Invoke, NextId()) with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            ReplyToId = "personal-card",
            Value = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            }),
        });

    public async Task<ChannelTurn> Send(Activity activity)
    {
        var before = Teams.Calls.Count;
        var turn = new TurnContext(activity, ConversationReference.FromIncoming(activity), Teams);
        var response = await Router.OnTurnAsync(turn, CancellationToken.None);
        return new ChannelTurn(response, [.. Teams.Calls.Skip(before)]);
    }

    public Activity ChannelActivity(Person person, string type, string id, string conversationId) => new()
    {
        Type = type,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Timestamp = Time.GetUtcNow(),
        Locale = "th-TH",
        From = new ChannelAccount { Id = person.TeamsId, AadObjectId = person.AadObjectId, Name = person.Name },
        Recipient = new ChannelAccount { Id = BotId, Name = BotName },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", IsGroup = true, TenantId = TenantId },
        ChannelData = new TeamsChannelData
        {
            Tenant = new TenantInfo { Id = TenantId },
            Team = new TeamInfo { Id = TeamId, Name = "Social Protection Workshop" },
            Channel = new ChannelInfo { Id = ChannelConversation.Bare(conversationId) },
        },
    };

    public Activity PersonalActivity(Person person, string type, string id) => new()
    {
        Type = type,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Timestamp = Time.GetUtcNow(),
        Locale = "th-TH",
        From = new ChannelAccount { Id = person.TeamsId, AadObjectId = person.AadObjectId, Name = person.Name },
        Recipient = new ChannelAccount { Id = BotId, Name = BotName },
        Conversation = new ConversationAccount { Id = FakeTeams.PersonalChatOf(person.TeamsId), ConversationType = "personal", TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
    };

    public static string NextId() => "1" + Interlocked.Increment(ref _activityNumber).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    // ---- Flows ------------------------------------------------------------------------------------------------

    /// <summary>Types <c>workshop new</c> and returns the set-up card the bot replied with.</summary>
    public async Task<JsonElement> SetupCardAsync(Person facilitator, string command = "workshop new")
    {
        var turn = await SayInChannel(facilitator, command);
        return Assert.Single(turn.Posts.SelectMany(p => p.Cards));
    }

    /// <summary>Sets up and creates a workshop through the cards; returns it as stored.</summary>
    public async Task<WorkshopRecord> CreateWorkshopAsync(
        string title = "ถอดบทเรียนการคุ้มครองทางสังคม",
        string groups = "กลุ่มนโยบาย\nกลุ่มกลไกขับเคลื่อน",
        string visibility = FacilitationFields.Anonymous,
        string date = "2026-11-18",
        Person? facilitator = null,
        string? language = null)
    {
        var card = await SetupCardAsync(facilitator ?? Person.Facilitator);
        var inputs = new Dictionary<string, string>
        {
            [FacilitationFields.Title] = title,
            [FacilitationFields.Date] = date,
            [FacilitationFields.Groups] = groups,
            [FacilitationFields.Visibility] = visibility,
        };
        if (language is not null)
        {
            inputs[FacilitationFields.Language] = language;
        }
        var data = ButtonData(card, FacilitationVerbs.Create, inputs);
        var created = await Press(facilitator ?? Person.Facilitator, FacilitationVerbs.Create, data);
        Assert.NotNull(created.PressedCard);
        return await Workshop((string)data[FacilitationFields.WorkshopId]!) ?? throw new InvalidOperationException("The workshop was not stored.");
    }

    /// <summary>The kickoff card of a workshop, as posted in the channel.</summary>
    public JsonElement KickoffCard(WorkshopRecord workshop) =>
        Teams.Calls.Last(c => c.Method == "POST" && c.Id == workshop.KickoffActivityId).Cards[0];

    /// <summary>Presses Answer on the kickoff card, choosing <paramref name="groupId"/> when the card asks.</summary>
    public Task<ChannelTurn> JoinAsync(Person person, WorkshopRecord workshop, string? groupId = "g1", CardActionSource source = CardActionSource.Execute)
    {
        var inputs = new Dictionary<string, string>();
        if (groupId is not null && workshop.Groups.Length > 1)
        {
            inputs[FacilitationFields.Group] = groupId;
        }
        return Press(person, FacilitationVerbs.Join, ButtonData(KickoffCard(workshop), FacilitationVerbs.Join, inputs), workshop.KickoffActivityId, source);
    }

    /// <summary>Cards the bot sent into the person's personal chat.</summary>
    public IReadOnlyList<JsonElement> PersonalCards(Person person) =>
        [.. Teams.PostsTo(FakeTeams.PersonalChatOf(person.TeamsId)).SelectMany(c => c.Cards)];

    // ---- Store ------------------------------------------------------------------------------------------------

    public Task<WorkshopRecord?> Workshop(string workshopId) => Get<WorkshopStore>().GetAsync(workshopId, CancellationToken.None);

    public async Task<ParticipantRecord?> Participant(string workshopId, Person person) =>
        (await new JsonObjectStore(Store, ParticipantRecordJson.StoreOptions())
            .ReadAsync<ParticipantRecord>(WorkshopKeys.Participant(workshopId, person.AadObjectId), CancellationToken.None))?.Value;

    public Task PutParticipantAsync(string workshopId, Person person, ParticipantRecord record) =>
        new JsonObjectStore(Store, ParticipantRecordJson.StoreOptions())
            .WriteAsync(WorkshopKeys.Participant(workshopId, person.AadObjectId), record, WriteCondition.None, CancellationToken.None);

    /// <summary>Every stored object and its version: equal snapshots mean nothing was written.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in Store.ListAsync("", CancellationToken.None))
        {
            all[info.Key] = info.ETag;
        }
        return all;
    }

    /// <summary>Waits until every queued summary posting has finished.</summary>
    public async Task WaitForPostingsAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var pending = await Get<SummaryPostingStore>().ListPendingAsync(CancellationToken.None);
            if (pending.Count == 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The summary postings did not finish.");
    }

    /// <summary>Waits until every queued finish-your-answers reminder has been sent.</summary>
    public async Task WaitForRemindersAsync(TimeSpan? timeout = null)
    {
        var queue = Get<ProgressReminderQueue>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!queue.IsIdle)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The reminders were not sent.");
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // In reverse, as the host stops them: the senders let go of the sending lease before it is handed back.
        foreach (var service in Enumerable.Reverse(_hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static Entity Mention(string id, string name) => new()
    {
        Type = Entity.MentionType,
        Mentioned = new ChannelAccount { Id = id, Name = name },
        Text = $"<at>{name}</at>",
    };

    private static JsonObject WithVerb(JsonObject data, string verb)
    {
        var copy = data.DeepClone().AsObject();
        copy[FacilitationFields.Verb] = verb;
        return copy;
    }
}
