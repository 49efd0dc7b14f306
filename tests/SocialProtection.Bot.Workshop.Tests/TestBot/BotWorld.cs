using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// The one world of the router-level tests: the bot as the host wires it (<see cref="TestBotServices"/>: AddWorkshopBot
/// and its route table, the background summary poster and progress reminders running) over one in-memory store
/// (<see cref="Store"/>, which a test can make fail), one clock and one <see cref="FakeTeams"/> connector, driven with
/// Teams-shaped personal-chat and channel activities (BotWorld.Activities.cs). No HTTP. Feature conveniences are
/// extension methods in the features' test folders.
/// </summary>
internal sealed partial class BotWorld : IAsyncDisposable, IDisposable
{
    public const string TenantId = "7a1e3c2b-0000-4000-8000-00000000a11a";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b075";
    public const string BotName = "Workshop Bot";
    public const string TeamId = "19:teamgeneral@thread.tacv2";
    public const string ChannelId = "19:workshopchannel@thread.tacv2";
    public const string OtherChannelId = "19:otherchannel@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string DefaultWorkshopId = "default";

    /// <summary>When the world's clock starts unless a test says otherwise: the workshop day, 09:00 in Bangkok.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly InMemoryObjectStore _objects;
    private readonly TeamsRateLimitOptions? _rateLimits;
    private readonly Action<IServiceCollection>? _addServices;
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _hosted;

    /// <param name="settings">Configuration over the defaults (workshop "default", <see cref="Person.Facilitator"/> configured); a null value unsets a default.</param>
    /// <param name="start">When the clock starts (<see cref="DefaultStart"/> when null).</param>
    /// <param name="addServices">Services added to the bot's own (e.g. one more question kind).</param>
    public BotWorld(
        IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, TeamsRateLimitOptions? rateLimits = null, Action<IServiceCollection>? addServices = null)
        : this(Merge(Defaults(), settings), new FakeTimeProvider(start ?? DefaultStart), objects: null, rateLimits, addServices)
    {
    }

    private BotWorld(
        Dictionary<string, string?> settings, FakeTimeProvider time, InMemoryObjectStore? objects, TeamsRateLimitOptions? rateLimits, Action<IServiceCollection>? addServices)
    {
        _settings = settings;
        _rateLimits = rateLimits;
        _addServices = addServices;
        Time = time;
        _objects = objects ?? new InMemoryObjectStore(time);
        Store = new SwitchableStore(_objects);
        var services = TestBotServices.Create(settings.Where(s => s.Value is not null), Store, Time, Teams);
        // Pacing waits on the real clock: the test clock only dates what the bot writes.
        services.AddSingleton(new TeamsSendPacer(rateLimits ?? new TeamsRateLimitOptions(), TimeProvider.System));
        addServices?.Invoke(services);
        _provider = services.BuildServiceProvider();
        Router = _provider.GetRequiredService<WorkshopRoutes>().Build();
        _hosted = [.. _provider.GetServices<IHostedService>().Where(s => s is UserProfileMigration or SenderLeadership or SummaryPostingService or ProgressReminderService)];
        foreach (var service in _hosted)
        {
            service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The store the bot uses: the world's objects behind a switch that can make reads or writes fail and counts them.</summary>
    public SwitchableStore Store { get; }

    public FakeTeams Teams { get; } = new();

    public ActivityRouter Router { get; }

    /// <summary>The workshop personal chats answer into when the person has joined none (Workshop:DefaultWorkshopId).</summary>
    public string WorkshopId => _settings["Workshop:DefaultWorkshopId"]!;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Makes <paramref name="person"/> a member of the team, as Teams' member look-up knows them.</summary>
    public void AddMember(Person person) => Teams.Members[person.TeamsId] = new TeamsChannelAccount
    {
        Id = person.TeamsId,
        AadObjectId = person.AadObjectId,
        Name = person.Name,
        TenantId = TenantId,
    };

    /// <summary>
    /// A second bot process over the same stored objects and clock, with <paramref name="settings"/> changed: nothing
    /// else is shared (its own services, caches, store switch and connector).
    /// </summary>
    public BotWorld AnotherInstance(IDictionary<string, string?>? settings = null) =>
        new(Merge(new Dictionary<string, string?>(_settings), settings), Time, _objects.NewInstance(), _rateLimits, _addServices);

    // ---- Stored records -----------------------------------------------------------------------------------------

    public Task<WorkshopRecord?> Workshop(string workshopId) => Get<WorkshopStore>().GetAsync(workshopId, CancellationToken.None);

    /// <summary>The person's participant record in <paramref name="workshopId"/> (the default workshop when null).</summary>
    public ParticipantRecord? Stored(Person person, string? workshopId = null) =>
        StoredRaw(person, workshopId) is { } raw ? raw.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options) : null;

    public StoredObject? StoredRaw(Person person, string? workshopId = null) =>
        _objects.GetAsync(WorkshopKeys.Participant(workshopId ?? WorkshopId, person.AadObjectId), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>What the bot keeps about <paramref name="person"/> across workshops, as stored (null when nothing is).</summary>
    public UserProfile? StoredProfile(Person person) =>
        _objects.GetAsync(UserProfileStore.Key(person.AadObjectId), CancellationToken.None).GetAwaiter().GetResult() is { } raw
            ? raw.Content.ToObjectFromJson<UserProfile>(StoredJson.Options)
            : null;

    public PersonalConversationRecord? StoredConversation(Person person) => StoredProfile(person)?.Conversation;

    /// <summary>Stores a participant record as the dialog would have, under <paramref name="userKey"/> (an Entra object id).</summary>
    public Task PutParticipantAsync(string workshopId, string userKey, ParticipantRecord record) =>
        new JsonObjectStore(_objects, StoredJson.StoreOptions())
            .WriteAsync(WorkshopKeys.Participant(workshopId, userKey), record, WriteCondition.None, CancellationToken.None);

    /// <summary>Every stored object and its version, the sending lease aside: equal snapshots mean no turn wrote anything.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in _objects.ListAsync("", CancellationToken.None))
        {
            // The sending lease and the pacer's saved windows change on their own schedule, whatever a turn does.
            if (!info.Key.StartsWith("locks/", StringComparison.Ordinal))
            {
                all[info.Key] = info.ETag;
            }
        }
        return all;
    }

    /// <summary>The keys stored under <paramref name="prefix"/>, in order.</summary>
    public Task<List<string>> KeysAsync(string prefix = "") => Task.FromResult(_objects.Keys(prefix).ToList());

    public async ValueTask DisposeAsync()
    {
        // In reverse, as the host stops them: the senders let go of the sending lease before it is handed back.
        foreach (var service in Enumerable.Reverse(_hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
        await _provider.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static Dictionary<string, string?> Defaults() => new()
    {
        ["Workshop:DefaultWorkshopId"] = DefaultWorkshopId,
        ["Workshop:Facilitators:0"] = Person.Facilitator.AadObjectId,
    };

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> values, IDictionary<string, string?>? changes)
    {
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return values;
    }
}
