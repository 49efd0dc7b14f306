using System.Text.Json;
using System.Text.Json.Nodes;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Tests.Participants;

namespace SocialProtection.Bot.Workshop.Tests.TestBot;

/// <summary>
/// What people do, as Teams delivers it: type in their personal chat, press buttons there, install the app, post in
/// the workshop channel @mentioning the bot (the mention removed as the /api/messages endpoint does), press buttons
/// on channel cards.
/// </summary>
internal sealed partial class BotWorld
{
    private static int _activityNumber;

    // ---- Personal chat ----------------------------------------------------------------------------------------

    /// <summary>A message the person types in their personal chat with the bot.</summary>
    public Task<BotTurn> Say(Person person, string text, string? locale = "th-TH", string? activityId = null) =>
        Send(PersonalActivity(person, ActivityTypes.Message, activityId, locale) with { Text = text });

    /// <summary>
    /// Presses the card's <paramref name="verb"/> button (the first that <paramref name="match"/> accepts) as
    /// Action.Execute (desktop Teams), with <paramref name="answer"/> typed and <paramref name="tamper"/> applied to the data.
    /// <paramref name="cardMessageId"/>: the pressed card's message id, as Teams sends it in replyToId.
    /// </summary>
    public Task<BotTurn> Execute(Person person, JsonElement card, string verb, string? answer = null,
        Func<JsonElement, bool>? match = null, string? activityId = null, Action<JsonObject>? tamper = null, string? locale = "th-TH",
        string? cardMessageId = null) =>
        Execute(person, verb, PressData(CardJson.ActionData(card, verb, match), answer, tamper), activityId, locale, cardMessageId);

    /// <summary>Presses a button in the person's personal chat (Action.Execute) with exactly <paramref name="data"/> (forged data too).</summary>
    public Task<BotTurn> Execute(Person person, string verb, JsonObject data, string? activityId = null, string? locale = "th-TH", string? cardMessageId = null) =>
        Send(PersonalActivity(person, ActivityTypes.Invoke, activityId, locale) with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            }),
            ReplyToId = cardMessageId,
        });

    /// <summary>Presses the card's <paramref name="verb"/> button as its Action.Submit fallback (Teams mobile): a message with a value.</summary>
    public Task<BotTurn> Submit(Person person, JsonElement card, string verb, string? answer = null,
        Func<JsonElement, bool>? match = null, string? activityId = null, string cardMessageId = "bot-card") =>
        Send(PersonalActivity(person, ActivityTypes.Message, activityId) with
        {
            ReplyToId = cardMessageId,
            Value = JsonSerializer.SerializeToElement(PressData(CardJson.ActionData(card, verb, match), answer, tamper: null)),
        });

    /// <summary>Teams showing the card again: the automatic refresh invoke of its refresh action.</summary>
    public Task<BotTurn> Refresh(Person person, JsonElement card)
    {
        var action = card.GetProperty("refresh").GetProperty("action");
        return Send(PersonalActivity(person, ActivityTypes.Invoke) with
        {
            Name = ActivityRouter.AdaptiveCardActionInvoke,
            Value = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = action.GetProperty("verb").GetString(),
                    ["data"] = JsonNode.Parse(action.GetProperty("data").GetRawText()),
                },
                ["trigger"] = "automatic",
            }),
        });
    }

    /// <summary>The person installs the app for their personal chat: <paramref name="type"/> is installationUpdate or conversationUpdate.</summary>
    public Task<BotTurn> Install(Person person, string type, string? activityId = null, string? locale = "th-TH")
    {
        var activity = PersonalActivity(person, type, activityId, locale);
        return Send(type == ActivityTypes.InstallationUpdate
            ? activity with { Action = "add" }
            : activity with { MembersAdded = [new ChannelAccount { Id = BotId }, new ChannelAccount { Id = person.TeamsId }] });
    }

    /// <summary>Cards the bot sent into the person's personal chat.</summary>
    public IReadOnlyList<JsonElement> PersonalCards(Person person) =>
        [.. Teams.PostsTo(person.PersonalChatId).SelectMany(c => c.Cards)];

    // ---- Channel ------------------------------------------------------------------------------------------------

    /// <summary>A new post in the channel that @mentions the bot (and anyone in <paramref name="mentions"/>).</summary>
    public Task<BotTurn> SayInChannel(Person person, string text, Person[]? mentions = null, string? activityId = null, string channelId = ChannelId)
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
    public Task<BotTurn> Press(Person person, string verb, JsonObject data, string? replyToId = "card-1",
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

    /// <summary>The bot is added to the team: <paramref name="type"/> is installationUpdate or conversationUpdate (bot among the members added).</summary>
    public Task<BotTurn> InstallInChannel(Person installer, string type, string? activityId = null)
    {
        var activity = ChannelActivity(installer, type, activityId ?? NextId(), ChannelId);
        return Send(type == ActivityTypes.InstallationUpdate
            ? activity with { Action = "add" }
            : activity with { MembersAdded = [new ChannelAccount { Id = BotId }] });
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

    // ---- Turns ----------------------------------------------------------------------------------------------------

    /// <summary>Runs one turn through the route table; the result holds every call to Teams the turn made.</summary>
    public async Task<BotTurn> Send(Activity activity)
    {
        var calls = Teams.RecordTurn();
        var response = await Router.OnTurnAsync(Teams.TurnFor(activity), CancellationToken.None);
        return new BotTurn(response, [.. calls]);
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

    public Activity PersonalActivity(Person person, string type, string? id = null, string? locale = "th-TH") => new()
    {
        Type = type,
        Id = id ?? NextId(),
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Timestamp = Time.GetUtcNow(),
        Locale = locale,
        From = new ChannelAccount { Id = person.TeamsId, AadObjectId = person.AadObjectId, Name = person.Name },
        Recipient = new ChannelAccount { Id = BotId, Name = BotName },
        Conversation = new ConversationAccount { Id = person.PersonalChatId, ConversationType = "personal", TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
    };

    public static string NextId() => "1" + Interlocked.Increment(ref _activityNumber).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject PressData(JsonElement data, string? answer, Action<JsonObject>? tamper)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        if (answer is not null)
        {
            merged["answer"] = answer;
        }
        tamper?.Invoke(merged);
        return merged;
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
