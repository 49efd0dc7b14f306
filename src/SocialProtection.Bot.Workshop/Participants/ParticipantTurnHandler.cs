using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Cards;
using SocialProtection.Bot.Workshop.Localization;
using SocialProtection.Bot.Workshop.Questions;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Connects Teams turns to the participant dialog: reads who is acting from the activity, runs the turn through
/// <see cref="ParticipantTurnRunner"/> (which saves it), and only then sends the replies and answers the pressed card.
/// Card actions arrive here the same way whether they came as Action.Execute or as Action.Submit.
/// </summary>
public sealed partial class ParticipantTurnHandler(
    ParticipantTurnRunner runner,
    PersonalConversationStore conversations,
    IQuestionSetProvider sets,
    IOptions<ParticipantOptions> options,
    TimeProvider time,
    ILogger<ParticipantTurnHandler> logger)
{
    private readonly UiText _text = UiText.Default;

    /// <summary>Personal chat is where participants answer; other conversations belong to other features.</summary>
    public static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    /// <summary>A typed message in personal chat: a command, or the answer to the open question.</summary>
    public async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity || string.IsNullOrWhiteSpace(activity.Text))
        {
            return;
        }
        ParticipantInput input = ParticipantCommandParser.Parse(activity.Text) is { } command
            ? new ParticipantInput.Command(command)
            : new ParticipantInput.Text(activity.Text);
        var result = await RunAsync(turn, identity, input, fromCard: false, cancellationToken);
        switch (result)
        {
            case ParticipantTurnResult.Unavailable unavailable:
                await turn.SendActivityAsync(MessageFactory.Text(_text.Get(UiTextKeys.TryAgain, unavailable.Language)), cancellationToken);
                break;
            case ParticipantTurnResult.Completed { Duplicate: true }:
                // Its replies went out when it was first applied.
                break;
            case ParticipantTurnResult.Completed completed:
                await SendRepliesAsync(turn, completed, identity, cancellationToken);
                break;
        }
    }

    /// <summary>A pressed button on one of the participant's cards (or a refresh of one).</summary>
    public async Task<CardActionResult> OnCardActionAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (ParticipantIdentity.From(turn.Activity) is not { } identity)
        {
            return CardActionResult.Refuse(_text.Get(UiTextKeys.ErrorInvalidCard, Language.Thai), 400, "NoUser");
        }
        var input = new ParticipantInput.CardAction(action.Verb, action.Data, action.IsRefresh);
        var result = await RunAsync(turn, identity, input, fromCard: true, cancellationToken);
        if (result is not ParticipantTurnResult.Completed completed)
        {
            return CardActionResult.Toast(_text.Get(UiTextKeys.TryAgain, result.Language));
        }
        var outcome = completed.Outcome;
        if (outcome.Refusal is { } refusal)
        {
            LogRefused(logger, action.Verb.Length <= 40 ? action.Verb : "(long)", outcome.RefusalReason ?? "");
            return CardActionResult.Refuse(_text.Format(refusal, completed.Language), 400, "InvalidCardAction");
        }
        await SendRepliesAsync(turn, completed, identity, cancellationToken);
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
        var language = ParticipantLanguage.Resolve(null, activity.Locale);
        bool welcome;
        try
        {
            welcome = await conversations.MarkWelcomedAsync(identity.Key, turn.GetConversationReference(), cancellationToken);
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
        var set = sets.ForWorkshop(options.Value.DefaultWorkshopId);
        var record = new ParticipantRecord { WorkshopId = options.Value.DefaultWorkshopId, QuestionSetId = set.Id, QuestionSetVersion = set.Version };
        var context = new CardContext(record, set, language, identity.TeamsId, _text);
        foreach (var reply in ParticipantCardRenderer.Render(new ParticipantView.WelcomeCard(), context))
        {
            await SendAsync(turn, reply, cancellationToken);
        }
    }

    private static bool IsBotAdded(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action is "add" or "add-upgrade",
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id is { } id && id == activity.Recipient?.Id) == true,
        _ => false,
    };

    private Task<ParticipantTurnResult> RunAsync(ITurnContext turn, ParticipantIdentity identity, ParticipantInput input, bool fromCard, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var facts = new TurnFacts(activity.Id, identity.TeamsId, activity.Locale, time.GetUtcNow(), fromCard);
        var reference = IsPersonal(activity) ? turn.GetConversationReference() : null;
        return runner.RunAsync(new ParticipantTurnRequest(options.Value.DefaultWorkshopId, identity, input, facts, reference), cancellationToken);
    }

    private async Task SendRepliesAsync(ITurnContext turn, ParticipantTurnResult.Completed completed, ParticipantIdentity identity, CancellationToken cancellationToken)
    {
        var context = Context(completed, identity);
        foreach (var view in completed.Outcome.Replies)
        {
            foreach (var reply in ParticipantCardRenderer.Render(view, context))
            {
                await SendAsync(turn, reply, cancellationToken);
            }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the personal install ({Reason}); no welcome sent")]
    private static partial void LogWelcomeSkipped(ILogger logger, string reason);
}
