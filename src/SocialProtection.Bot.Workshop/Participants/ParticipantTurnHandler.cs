using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Participants.Cards;

using SocialProtection.Bot.Workshop.Core.Diagnostics;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Connects Teams turns to the participant dialog: reads who is acting from the activity, runs the turn through
/// <see cref="ParticipantTurnRunner"/> (which saves it), and only then sends the replies and answers the pressed card.
/// Card actions arrive here the same way whether they came as Action.Execute or as Action.Submit.
/// </summary>
internal sealed partial class ParticipantTurnHandler(
    ParticipantTurnRunner runner,
    UserProfileStore profiles,
    IParticipantWorkshopResolver workshops,
    TimeProvider time,
    ILogger<ParticipantTurnHandler> logger,
    WorkshopMetrics metrics)
{
    private readonly TextCatalog _text = UiText.Default;

    /// <summary>Personal chat is where participants answer; other conversations belong to other features.</summary>
    public static bool IsPersonal(Activity activity) => ChannelConversation.IsPersonal(activity);

    /// <summary>A typed message in personal chat: a command, or the answer to the open question.</summary>
    public async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity || string.IsNullOrWhiteSpace(activity.Text))
        {
            return;
        }
        // Their profile (which workshop they are in) and their record there, in one round of reads.
        var ahead = runner.ReadAhead(identity.Key, workshopId: null, cancellationToken);
        var (profile, workshop) = await ResolveAsync(identity, cancellationToken);
        if (workshop is null || workshop.IsClosed)
        {
            ahead?.Discard();
            var language = workshop?.Language ?? Language.Thai;
            var notice = workshop is null ? _text.Get(UiTextKeys.TryAgain, language) : _text.Format(UiTextKeys.WorkshopClosed, language);
            await turn.SendActivityAsync(MessageFactory.Text(notice), cancellationToken);
            return;
        }
        ParticipantInput input = ParticipantCommandParser.Parse(activity.Text) is { } command
            ? new ParticipantInput.Command(command, WrittenInThai(activity.Text))
            : new ParticipantInput.Text(activity.Text);
        var result = await RunAsync(turn, identity, workshop, profile, input, fromCard: false, cancellationToken, readAhead: ahead);
        switch (result)
        {
            case ParticipantTurnResult.Unavailable unavailable:
                await turn.SendActivityAsync(MessageFactory.Text(_text.Get(UiTextKeys.TryAgain, unavailable.Language)), cancellationToken);
                break;
            case ParticipantTurnResult.Damaged damaged:
                await turn.SendActivityAsync(MessageFactory.Text(_text.Paragraphs(UiTextKeys.RecordDamaged, damaged.Code)), cancellationToken);
                break;
            case ParticipantTurnResult.Completed { Duplicate: true }:
                // Its replies went out when it was first applied.
                break;
            case ParticipantTurnResult.Completed completed:
                await SendRepliesAsync(turn, completed, identity, pressedActivityId: null, cancellationToken);
                break;
        }
    }

    /// <summary>A pressed button on one of the participant's cards (or a refresh of one).</summary>
    public async Task<CardActionResult> OnCardActionAsync(ITurnContext turn, CardAction<CardActionData> action, CancellationToken cancellationToken)
    {
        if (ParticipantIdentity.From(turn.Activity) is not { } identity)
        {
            return CardActionResult.Refuse(_text.Get(UiTextKeys.ErrorInvalidCard, Language.Thai), 400, "NoUser");
        }
        var (result, answered) = await RunCardActionAsync(turn, identity, action, cancellationToken);
        if (answered is not null)
        {
            return answered;
        }
        if (result is ParticipantTurnResult.Damaged damaged)
        {
            return CardActionResult.Refuse(_text.Both(UiTextKeys.RecordDamaged, damaged.Code), 409, "RecordDamaged");
        }
        if (result is not ParticipantTurnResult.Completed completed)
        {
            return CardActionResult.Toast(_text.Get(UiTextKeys.TryAgain, result!.Language));
        }
        var outcome = completed.Outcome;
        if (outcome.Refusal is { } refusal)
        {
            LogRefused(logger, action.Verb.Length <= 40 ? action.Verb : "(long)", outcome.RefusalReason ?? "");
            return CardActionResult.Refuse(_text.Format(refusal, completed.Language), 400, "InvalidCardAction");
        }
        await SendRepliesAsync(turn, completed, identity, turn.Activity.ReplyToId, cancellationToken);
        if (outcome.PressedCard is not { } pressed)
        {
            return CardActionResult.Nothing;
        }
        return ParticipantCardRenderer.RenderPressed(pressed, Context(completed, identity)) switch
        {
            RenderedReply.CardReply card => CardActionResult.Replace(card.Card.ToAttachment()),
            RenderedReply.TextReply text => CardActionResult.Toast(text.Text),
            _ => CardActionResult.Nothing,
        };
    }

    /// <summary>
    /// The bot was installed in a personal scope (installationUpdate "add", or conversationUpdate with the bot among
    /// the members added): store how to reach the user and welcome them, once per conversation.
    /// </summary>
    public async Task OnInstalledAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!IsPersonal(activity) || ParticipantIdentity.From(activity) is not { } identity || !IsBotAdded(activity))
        {
            return;
        }
        var (profile, workshop) = await ResolveAsync(identity, cancellationToken);
        if (workshop is null)
        {
            return;
        }
        var language = profile!.Value.ChosenLanguage ?? workshop.Language;
        bool welcome;
        try
        {
            welcome = await profiles.MarkWelcomedAsync(identity.Key, turn.GetConversationReference(), cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
        {
            // The next message from the user stores the reference; the welcome is only a courtesy.
            LogWelcomeSkipped(logger, e.GetType().Name);
            return;
        }
        if (!welcome)
        {
            return;
        }
        var set = workshop.Set;
        var record = new ParticipantRecord { WorkshopId = workshop.WorkshopId, QuestionSetId = set.Id, QuestionSetVersion = set.Version };
        var context = new CardContext(record, set, language, identity.TeamsId, _text);
        foreach (var reply in ParticipantCardRenderer.Render(new ParticipantView.WelcomeCard(), context))
        {
            await SendAsync(turn, reply, cancellationToken);
        }
    }

    /// <summary>A closed workshop's cards may still be looked at (refresh changes nothing), never pressed.</summary>
    private CardActionResult? RefuseClosed(ParticipantWorkshop workshop, CardAction<CardActionData> action) =>
        workshop.IsClosed && !action.IsRefresh && action.Verb != CardVerbs.Refresh
            ? CardActionResult.Refuse(_text.Format(UiTextKeys.WorkshopClosed, workshop.Language), 403, "WorkshopClosed")
            : null;

    /// <summary>True when the text holds Thai letters: a command typed as a Thai word.</summary>
    private static bool WrittenInThai(string text) => text.Any(c => c is >= '\u0E01' and <= '\u0E5B');

    private static bool IsBotAdded(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action is "add" or "add-upgrade",
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id is { } id && id == activity.Recipient?.Id) == true,
        _ => false,
    };

    /// <summary>Starts reading <paramref name="identity"/>'s record in <paramref name="workshopId"/>, for a join about to run there.</summary>
    public ParticipantReadAhead? ReadAheadForJoin(ParticipantIdentity identity, string workshopId, CancellationToken cancellationToken) =>
        runner.ReadAhead(identity.Key, workshopId, cancellationToken);

    /// <summary>
    /// Joins <paramref name="identity"/> to <paramref name="workshop"/> (from the kickoff card in a channel) and returns what
    /// to send into their personal chat: the first question, or where they left off. Empty for a redelivered join (its
    /// messages went out the first time); null when storage failed and nothing was saved. <paramref name="profile"/>:
    /// their profile as the join just stored it (pointing at the workshop, with the personal chat).
    /// </summary>
    public async Task<IReadOnlyList<RenderedReply>?> JoinAsync(
        ParticipantIdentity identity,
        ParticipantWorkshop workshop,
        ParticipantInput.Join join,
        string? activityId,
        string? locale,
        ConversationReference? personalConversation,
        UserProfileSnapshot profile,
        ParticipantReadAhead? readAhead,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(join);
        var facts = new TurnFacts(activityId, identity.TeamsId, locale, time.GetUtcNow(), FromCard: false) { WorkshopLanguage = workshop.Language };
        var result = await runner.RunAsync(
            new ParticipantTurnRequest(workshop.WorkshopId, workshop.Set, identity, join, facts, personalConversation) { Profile = profile, ReadAhead = readAhead },
            cancellationToken);
        if (result is not ParticipantTurnResult.Completed completed)
        {
            return null;
        }
        if (completed.Duplicate)
        {
            return [];
        }
        var context = Context(completed, identity);
        return metrics.Render(() => completed.Outcome.Replies.SelectMany(view => ParticipantCardRenderer.Render(view, context)));
    }

    /// <summary>The participant's profile and the workshop it points their personal chat at; both null when storage failed.</summary>
    private async Task<(UserProfileSnapshot? Profile, ParticipantWorkshop? Workshop)> ResolveAsync(ParticipantIdentity identity, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await profiles.ReadAsync(identity.Key, cancellationToken);
            return (profile, await workshops.ResolveAsync(profile.Value.Joined, cancellationToken));
        }
        catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException)
        {
            // Logged by type only: the message names storage keys, which hold user ids.
            LogWorkshopUnknown(logger, e.GetType().Name);
            if (e is StorageUnavailableException)
            {
                metrics.TurnRefused("storage_unavailable");
            }
            return (null, null);
        }
    }

    /// <summary>
    /// Runs a card press in the workshop the card names when the participant has a record there, which spares reading
    /// which workshop they are in; otherwise (an old card without the name, or a name the user has no record under) in
    /// the workshop their pointer says, as for messages. Either a turn result, or the answer to give instead.
    /// </summary>
    private async Task<(ParticipantTurnResult? Result, CardActionResult? Answer)> RunCardActionAsync(
        ITurnContext turn, ParticipantIdentity identity, CardAction<CardActionData> action, CancellationToken cancellationToken)
    {
        var input = new ParticipantInput.CardAction(action.Data with { Verb = action.Verb }, action.IsRefresh);
        ParticipantWorkshop? workshop = null;
        if (action.Data.Workshop is { } claimed)
        {
            try
            {
                workshop = await workshops.FindAsync(claimed, cancellationToken);
            }
            catch (Exception e) when (e is StorageUnavailableException or StoredDataCorruptException)
            {
                LogWorkshopUnknown(logger, e.GetType().Name);
                return (null, TryAgain());
            }
        }
        if (workshop is not null)
        {
            if (RefuseClosed(workshop, action) is { } closed)
            {
                return (null, closed);
            }
            var named = await RunAsync(turn, identity, workshop, profile: null, input, fromCard: true, cancellationToken, existingRecordOnly: true);
            if (named is not ParticipantTurnResult.NoRecord)
            {
                return (named, null);
            }
        }
        (var profile, workshop) = await ResolveAsync(identity, cancellationToken);
        if (workshop is null)
        {
            return (null, TryAgain());
        }
        if (RefuseClosed(workshop, action) is { } refused)
        {
            return (null, refused);
        }
        return (await RunAsync(turn, identity, workshop, profile, input, fromCard: true, cancellationToken), null);
    }

    private CardActionResult TryAgain() => CardActionResult.Toast(_text.Get(UiTextKeys.TryAgain, Language.Thai));

    private Task<ParticipantTurnResult> RunAsync(
        ITurnContext turn,
        ParticipantIdentity identity,
        ParticipantWorkshop workshop,
        UserProfileSnapshot? profile,
        ParticipantInput input,
        bool fromCard,
        CancellationToken cancellationToken,
        bool existingRecordOnly = false,
        ParticipantReadAhead? readAhead = null)
    {
        var activity = turn.Activity;
        var facts = new TurnFacts(activity.Id, identity.TeamsId, activity.Locale, time.GetUtcNow(), fromCard)
        {
            WorkshopLanguage = workshop.Language,
            PressedActivityId = fromCard ? activity.ReplyToId : null,
        };
        var reference = IsPersonal(activity) ? turn.GetConversationReference() : null;
        return runner.RunAsync(
            new ParticipantTurnRequest(workshop.WorkshopId, workshop.Set, identity, input, facts, reference, existingRecordOnly) { Profile = profile, ReadAhead = readAhead }, cancellationToken);
    }

    /// <summary>
    /// Sends the turn's messages, updates the open question card in place when the turn changed it, and notes which
    /// message holds the open card now.
    /// </summary>
    private async Task SendRepliesAsync(
        ITurnContext turn, ParticipantTurnResult.Completed completed, ParticipantIdentity identity, string? pressedActivityId, CancellationToken cancellationToken)
    {
        var context = Context(completed, identity);
        var outcome = completed.Outcome;
        var sent = new List<(ParticipantView, string?)>();
        var rendered = metrics.Render(() => outcome.Replies.Select(view => (View: view, Replies: ParticipantCardRenderer.Render(view, context).ToList())));
        foreach (var (view, replies) in rendered)
        {
            string? id = null;
            foreach (var reply in replies)
            {
                id = (await SendAsync(turn, reply, cancellationToken)).Id;
            }
            sent.Add((view, id));
        }
        if (outcome.OpenCardView is { } update && outcome.Record.OpenCard is { } open
            && ParticipantCardRenderer.RenderPressed(update, context) is RenderedReply.CardReply card)
        {
            try
            {
                await turn.UpdateActivityAsync(MessageFactory.Card(card.Card.ToAttachment()) with { Id = open.ActivityId }, cancellationToken);
            }
            catch (ConnectorException e)
            {
                // Best effort: a card the user deleted, or an old one the channel no longer edits; its buttons are refused as stale anyway.
                LogOpenCardNotUpdated(logger, (int?)e.StatusCode ?? 0);
            }
        }
        var next = OpenCardTracking.After(outcome, completed.Set, sent, pressedActivityId);
        if (next != outcome.Record.OpenCard)
        {
            await runner.TrackOpenCardAsync(outcome.Record.WorkshopId, identity.Key, outcome.Record.Revision, next, cancellationToken);
        }
    }

    private CardContext Context(ParticipantTurnResult.Completed completed, ParticipantIdentity identity) =>
        new(completed.Outcome.Record, completed.Set, completed.Language, identity.TeamsId, _text);

    private static Task<ResourceResponse> SendAsync(ITurnContext turn, RenderedReply reply, CancellationToken cancellationToken) => reply switch
    {
        RenderedReply.CardReply card => turn.SendActivityAsync(MessageFactory.Card(card.Card.ToAttachment()), cancellationToken),
        RenderedReply.TextReply text => turn.SendActivityAsync(MessageFactory.Text(text.Text), cancellationToken),
        _ => throw new ArgumentException($"Unknown reply {reply.GetType().Name}.", nameof(reply)),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a participant card action {Verb}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string verb, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell which workshop a participant is in ({Reason}); nothing was done")]
    private static partial void LogWorkshopUnknown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The participant's open card could not be updated in place (status {Status})")]
    private static partial void LogOpenCardNotUpdated(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the personal install ({Reason}); no welcome sent")]
    private static partial void LogWelcomeSkipped(ILogger logger, string reason);
}
