using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Tests.TestBot;

namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>
/// The participant dialog as the host wires it (AddWorkshopBot and its route table) over a real
/// local-disk store in a temp folder, driven with Teams-shaped activities. No HTTP.
/// </summary>
internal sealed class ParticipantHarness : IDisposable
{
    private static int _activityNumber;
    private readonly ServiceProvider _provider;
    private readonly bool _ownsRoot;

    public ParticipantHarness(
        string? root = null, FakeTimeProvider? time = null, string workshopId = WorkshopId, string? workshopLanguage = null, string? questionSetPath = null)
    {
        Workshop = workshopId;
        _ownsRoot = root is null;
        Root = root ?? Path.Combine(Path.GetTempPath(), "sp-bot-tests", Guid.NewGuid().ToString("N"));
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));
        Store = new SwitchableStore(new FileObjectStore(Root, Time));
        var settings = new Dictionary<string, string?>
        {
            ["Workshop:DefaultWorkshopId"] = workshopId,
            ["Workshop:DefaultLanguage"] = workshopLanguage,
            ["Workshop:QuestionSetPath"] = questionSetPath,
        };
        _provider = TestBotServices.Create(settings, Store, Time).BuildServiceProvider();
        Router = _provider.GetRequiredService<WorkshopRoutes>().Build();
    }

    public const string WorkshopId = "ws-test";

    /// <summary>The workshop this harness's personal chats answer into.</summary>
    public string Workshop { get; }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    public SwitchableStore Store { get; }

    public ActivityRouter Router { get; }

    /// <summary>A second bot process over the same data: nothing shared but the store's folder.</summary>
    public ParticipantHarness Restart() => new(Root, Time, Workshop);

    /// <summary>The same people and data, answering into another workshop (in <paramref name="language"/>, Thai when null).</summary>
    public ParticipantHarness OtherWorkshop(string workshopId, string? language = null) => new(Root, Time, workshopId, language);

    public Task<TurnResult> Say(TestUser user, string text, string? locale = "th-TH", string? activityId = null) =>
        Send(Base(user, ActivityTypes.Message, activityId, locale) with { Text = text });

    /// <summary>Presses the card's <paramref name="verb"/> button as Action.Execute (desktop Teams).</summary>
    /// <paramref name="cardMessageId"/>: the pressed card's message id, as Teams sends it in replyToId.
    public Task<TurnResult> Execute(TestUser user, JsonElement card, string verb, string? answer = null,
        Func<JsonElement, bool>? match = null, string? activityId = null, Action<JsonObject>? tamper = null, string? locale = "th-TH",
        string? cardMessageId = null)
    {
        var data = Merge(CardJson.ActionData(card, verb, match), answer, tamper);
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return Send(Base(user, ActivityTypes.Invoke, activityId, locale) with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(value),
            ReplyToId = cardMessageId,
        });
    }

    /// <summary>Presses the card's <paramref name="verb"/> button as its Action.Submit fallback (Teams mobile): a message with a value.</summary>
    public Task<TurnResult> Submit(TestUser user, JsonElement card, string verb, string? answer = null,
        Func<JsonElement, bool>? match = null, string? activityId = null, string cardMessageId = "bot-card")
    {
        var data = Merge(CardJson.ActionData(card, verb, match), answer, tamper: null);
        return Send(Base(user, ActivityTypes.Message, activityId, "th-TH") with
        {
            ReplyToId = cardMessageId,
            Value = JsonSerializer.SerializeToElement(data),
        });
    }

    /// <summary>Teams viewing the card: the automatic refresh invoke.</summary>
    public Task<TurnResult> Refresh(TestUser user, JsonElement card)
    {
        var action = card.GetProperty("refresh").GetProperty("action");
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = action.GetProperty("verb").GetString(),
                ["data"] = JsonNode.Parse(action.GetProperty("data").GetRawText()),
            },
            ["trigger"] = "automatic",
        };
        return Send(Base(user, ActivityTypes.Invoke, null, "th-TH") with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(value),
        });
    }

    public Task<TurnResult> Install(TestUser user, string type, string? activityId = null, string? locale = "th-TH")
    {
        var activity = Base(user, type, activityId, locale);
        activity = type == ActivityTypes.InstallationUpdate
            ? activity with { Action = "add" }
            : activity with { MembersAdded = [new ChannelAccount { Id = "28:bot-app-id" }, new ChannelAccount { Id = user.TeamsId }] };
        return Send(activity);
    }

    public async Task<TurnResult> Send(Activity activity)
    {
        var turn = new RecordingTurnContext(activity);
        var response = await Router.OnTurnAsync(turn, CancellationToken.None);
        return new TurnResult(turn, response);
    }

    public ParticipantRecord? Stored(TestUser user) =>
        StoredRaw(user) is { } raw ? raw.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options) : null;

    public StoredObject? StoredRaw(TestUser user) =>
        Store.GetAsync(WorkshopKeys.Participant(Workshop, user.AadObjectId), CancellationToken.None).GetAwaiter().GetResult();

    public PersonalConversationRecord? StoredConversation(TestUser user) =>
        Store.GetAsync(WorkshopKeys.PersonalConversation(user.AadObjectId), CancellationToken.None).GetAwaiter().GetResult() is { } raw
            ? raw.Content.ToObjectFromJson<PersonalConversationRecord>(StoredJson.Options)
            : null;

    public Activity Base(TestUser user, string type, string? activityId, string? locale) => new()
    {
        Type = type,
        Id = activityId ?? "act-" + Interlocked.Increment(ref _activityNumber),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Timestamp = Time.GetUtcNow(),
        From = new ChannelAccount { Id = user.TeamsId, AadObjectId = user.AadObjectId, Name = "Test participant" },
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "Bot" },
        Conversation = new ConversationAccount { Id = user.ConversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Locale = locale,
    };

    private static JsonObject Merge(JsonElement data, string? answer, Action<JsonObject>? tamper)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        if (answer is not null)
        {
            merged["answer"] = answer;
        }
        tamper?.Invoke(merged);
        return merged;
    }

    public void Dispose()
    {
        _provider.Dispose();
        if (_ownsRoot && Directory.Exists(Root))
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A restarted harness may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}
