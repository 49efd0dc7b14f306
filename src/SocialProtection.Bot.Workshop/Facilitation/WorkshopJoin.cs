using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Cards;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Users;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Facilitation.Cards;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// A participant pressed Answer on a kickoff card (<see cref="FacilitationVerbs.Join"/>). The press is checked (a
/// workshop with that id, open, posted in this very conversation, a group it has), then: the 1:1 chat is opened with
/// the presser (tenant from channelData, user from <c>from</c>, bot from <c>recipient</c>), their personal chat is
/// pointed at the workshop, the participant turn records their group and starts (or resumes) the questions, and those
/// go out in the 1:1 chat. The card itself is answered with a toast.
/// </summary>
internal sealed partial class WorkshopJoin(
    WorkshopStore workshops,
    UserProfileStore profiles,
    QuestionSetCatalog sets,
    ParticipantTurnHandler participants,
    IProactiveMessenger messenger,
    ILogger<WorkshopJoin> logger)
{
    private const int MaxDisplayNameLength = 256;

    private readonly TextCatalog _text = FacilitationText.Default;

    public async Task<CardActionResult> OnJoinAsync(ITurnContext turn, CardAction<JoinCardData> action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity)
        {
            return Refuse(FacilitationTextKeys.ErrorInvalidCard, 400, "BadRequest");
        }
        try
        {
            var workshop = await workshops.GetAsync(action.Data.WorkshopId, cancellationToken);
            if (workshop is null || workshop.Channel.Conversation?.Id != ChannelConversation.Id(activity))
            {
                // Unknown, or a card copied out of the channel it was posted in.
                LogRefused(logger, "unknown workshop or another conversation");
                return Refuse(FacilitationTextKeys.JoinUnknownWorkshop, 404, "NotFound");
            }
            if (!workshop.IsOpen)
            {
                LogRefused(logger, "closed");
                return Refuse(FacilitationTextKeys.JoinClosed, 403, "WorkshopClosed");
            }
            var group = workshop.Groups.Length == 1
                ? workshop.Groups[0]
                : action.Data.Group is { } chosen ? workshop.FindGroup(chosen) : null;
            if (group is null)
            {
                return Refuse(FacilitationTextKeys.JoinChooseGroup, 400, "BadRequest");
            }
            if (sets.Find(workshop.QuestionSetId) is not { } set)
            {
                LogNoQuestionSet(logger, workshop.Id);
                return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
            }

            // A whole channel presses at the kickoff: the chat opens while their profile and record are read, and the
            // profile takes the workshop and the chat in one write, which the join's turn then starts from.
            var ahead = participants.ReadAheadForJoin(identity, workshop.Id, cancellationToken);
            ConversationReference? personal;
            UserProfileSnapshot profile;
            try
            {
                var opening = OpenPersonalChatAsync(activity, cancellationToken);
                var reading = profiles.ReadAsync(identity.Key, cancellationToken);
                personal = await opening;
                profile = await profiles.JoinAsync(identity.Key, workshop.Id, group.Id, personal, await reading, cancellationToken);
            }
            catch
            {
                ahead?.Discard();
                throw;
            }
            var name = workshop.Visibility == AnswerVisibility.Named ? DisplayName(activity.From) : null;
            var replies = await participants.JoinAsync(
                identity,
                new ParticipantWorkshop(workshop.Id, set, IsClosed: false, LanguageCodes.ParseOrDefault(workshop.Language, Language.Thai)),
                new ParticipantInput.Join(group.Id, name),
                activity.Id,
                activity.Locale,
                personal,
                profile,
                ahead,
                cancellationToken);
            if (replies is null)
            {
                return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
            }
            LogJoined(logger, workshop.Id, group.Id);
            if (personal is null || !await SendAsync(personal, replies, cancellationToken))
            {
                // The group is recorded: the participant's own "start" in personal chat picks the workshop up.
                return CardActionResult.Toast(_text.Both(FacilitationTextKeys.JoinOpenPersonalChat));
            }
            // A Submit answer would become a message in the channel for everyone; the 1:1 chat says enough.
            return action.Source == CardActionSource.Execute
                ? CardActionResult.Toast(_text.Both(FacilitationTextKeys.JoinOpened))
                : CardActionResult.Nothing;
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogStoreFailed(logger, e.GetType().Name);
            return Refuse(FacilitationTextKeys.ErrorTryAgain, 503, "ServiceUnavailable");
        }
    }

    /// <summary>The 1:1 chat with the presser, or null when Teams will not open it (e.g. the app is not installed for them).</summary>
    private async Task<ConversationReference?> OpenPersonalChatAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ChannelConversation.TenantId(activity) is not { } tenantId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || activity.Recipient?.Id is not { Length: > 0 } botId
            || activity.From is not { Id.Length: > 0 } from)
        {
            return null;
        }
        try
        {
            var user = new ChannelAccount { Id = from.Id, Name = from.Name, AadObjectId = from.AadObjectId };
            var reference = await messenger.CreatePersonalConversationAsync(serviceUrl, tenantId, user, botId, cancellationToken);
            return reference with { Bot = reference.Bot! with { Name = activity.Recipient.Name }, Locale = activity.Locale };
        }
        catch (ConnectorException e)
        {
            LogPersonalChatFailed(logger, (int?)e.StatusCode ?? 0, e.ErrorCode ?? "");
            return null;
        }
    }

    private async Task<bool> SendAsync(ConversationReference personal, IReadOnlyList<RenderedReply> replies, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.ContinueConversationAsync(personal, async (chat, token) =>
            {
                foreach (var reply in replies)
                {
                    await chat.SendActivityAsync(reply switch
                    {
                        RenderedReply.CardReply card => MessageFactory.Card(card.Card.ToAttachment()),
                        RenderedReply.TextReply text => MessageFactory.Text(text.Text),
                        _ => throw new ArgumentException($"Unknown reply {reply.GetType().Name}.", nameof(replies)),
                    }, token);
                }
            }, cancellationToken);
            return true;
        }
        catch (ConnectorException e)
        {
            LogPersonalChatFailed(logger, (int?)e.StatusCode ?? 0, e.ErrorCode ?? "");
            return false;
        }
    }

    private static string? DisplayName(ChannelAccount? from) =>
        from?.Name is { Length: > 0 } name ? name.Length <= MaxDisplayNameLength ? name : name[..MaxDisplayNameLength] : null;

    private CardActionResult Refuse(string key, int status, string code) => CardActionResult.Refuse(_text.Both(key), status, code);

    [LoggerMessage(Level = LogLevel.Information, Message = "A participant joined workshop {WorkshopId}, group {GroupId}")]
    private static partial void LogJoined(ILogger logger, string workshopId, string groupId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a join: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workshop {WorkshopId} asks a question set this bot does not have")]
    private static partial void LogNoQuestionSet(ILogger logger, string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open or write to a participant's personal chat (status {Status}, {Code})")]
    private static partial void LogPersonalChatFailed(ILogger logger, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A join could not use the store ({Reason}); nothing was recorded")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
