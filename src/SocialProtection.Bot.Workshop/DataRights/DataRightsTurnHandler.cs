using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Participants;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Erasure on request. In personal chat a participant asks to erase their own data and confirms on a card; who is
/// erased is always the sender as the channel authenticated them, never anything in the card. In a workshop's
/// channel a facilitator erases a participant named by @mention; anyone else is refused and nothing changes.
/// </summary>
internal sealed partial class DataRightsTurnHandler(
    ParticipantDataEraser eraser,
    WorkshopDirectory workshops,
    ILogger<DataRightsTurnHandler> logger,
    IConnectorClient? connector = null)
{
    private static readonly TextCatalog T = DataRightsText.Default;

    /// <summary>"ลบข้อมูลของฉัน" in personal chat: the confirmation card, nothing erased yet.</summary>
    public static async Task OnEraseMineAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (ParticipantIdentity.From(turn.Activity) is null)
        {
            return;
        }
        var language = ParticipantLanguage.Resolve(null, Language.Thai);
        await turn.SendActivityAsync(MessageFactory.Card(EraseConfirmationCard.Build(language).ToAttachment()), cancellationToken);
    }

    /// <summary>The confirmation card's "erase" button: erases the presser's data everywhere.</summary>
    public async Task<CardActionResult> OnConfirmAsync(ITurnContext turn, CardAction<EraseCardData> action, CancellationToken cancellationToken)
    {
        var language = action.Data.ShownIn;
        if (ParticipantIdentity.From(turn.Activity) is not { } identity)
        {
            return CardActionResult.Refuse(T.Get(DataRightsTextKeys.EraseTryAgain, language), 400, "NoUser");
        }
        ErasureResult result;
        try
        {
            result = await eraser.EraseEverywhereAsync(identity.Key, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
        {
            LogEraseFailed(logger, e.GetType().Name);
            return CardActionResult.Toast(T.Get(DataRightsTextKeys.EraseTryAgain, language));
        }
        var message = result.ErasedAnything
            ? T.Format(DataRightsTextKeys.EraseDone, language, result.ObjectsDeleted)
            : T.Get(DataRightsTextKeys.EraseNothing, language);
        return CardActionResult.Replace(EraseConfirmationCard.Outcome(language, message, good: true).ToAttachment());
    }

    /// <summary>The confirmation card's "keep" button.</summary>
    public static Task<CardActionResult> OnCancelAsync(ITurnContext turn, CardAction<EraseCardData> action, CancellationToken cancellationToken)
    {
        var language = action.Data.ShownIn;
        return Task.FromResult(CardActionResult.Replace(
            EraseConfirmationCard.Outcome(language, T.Get(DataRightsTextKeys.EraseCancelled, language), good: false).ToAttachment()));
    }

    /// <summary>"@Bot erase @Someone" in a workshop's channel: a facilitator erases that participant's data in the workshop.</summary>
    public async Task OnEraseOtherAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = ParticipantLanguage.Resolve(null, Language.Thai);
        if (ParticipantIdentity.From(activity) is not { } sender || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return;
        }
        string reply;
        try
        {
            reply = await EraseOtherAsync(activity, sender, conversationId, language, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException)
        {
            LogEraseFailed(logger, e.GetType().Name);
            reply = T.Get(DataRightsTextKeys.EraseTryAgain, language);
        }
        await turn.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
    }

    private async Task<string> EraseOtherAsync(Activity activity, ParticipantIdentity sender, string conversationId, Language language, CancellationToken cancellationToken)
    {
        if (await workshops.FindByConversationAsync(conversationId, cancellationToken) is not { } workshop)
        {
            return T.Get(DataRightsTextKeys.EraseOtherNoWorkshop, language);
        }
        if (!workshops.CanRun(workshop, sender.Key))
        {
            LogRefused(logger, workshop.Workshop.Id);
            return T.Get(DataRightsTextKeys.EraseOtherNotFacilitator, language);
        }
        var targets = (activity.Entities ?? [])
            .Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)
                && e.Mentioned?.Id is { Length: > 0 } id
                && id != activity.Recipient?.Id)
            .Select(e => e.Mentioned!)
            .DistinctBy(m => m.Id)
            .ToList();
        if (targets.Count == 0)
        {
            return T.Get(DataRightsTextKeys.EraseOtherNoTarget, language);
        }
        if (targets.Count > 1)
        {
            return T.Get(DataRightsTextKeys.EraseOtherTooMany, language);
        }
        var deleted = 0;
        foreach (var key in await UserKeysOfAsync(activity, targets[0], cancellationToken))
        {
            deleted += (await eraser.EraseFromWorkshopAsync(workshop.Workshop.Id, key, cancellationToken)).ObjectsDeleted;
        }
        return deleted > 0
            ? T.Format(DataRightsTextKeys.EraseOtherDone, language, deleted)
            : T.Get(DataRightsTextKeys.EraseOtherNothing, language);
    }

    /// <summary>
    /// The keys the mentioned person's data may be stored under: their Entra object id (from the mention, else asked of
    /// the channel's member list) and their Teams id, which keys the data of users without an Entra id.
    /// </summary>
    private async Task<IReadOnlyList<string>> UserKeysOfAsync(Activity activity, ChannelAccount mentioned, CancellationToken cancellationToken)
    {
        var teamsId = mentioned.Id!;
        var aad = mentioned.AadObjectId;
        if (string.IsNullOrWhiteSpace(aad) && connector is not null && activity.ServiceUrl is { Length: > 0 } serviceUrl && activity.Conversation?.Id is { } conversationId)
        {
            try
            {
                var channel = conversationId.Split(';', 2)[0];
                aad = (await connector.GetMemberAsync(serviceUrl, channel, teamsId, cancellationToken)).AadObjectId;
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException or JsonException)
            {
                LogMemberLookupFailed(logger, e.GetType().Name);
            }
        }
        List<string> keys = [];
        if (!string.IsNullOrWhiteSpace(aad) && aad.Length <= ParticipantIdentity.MaxIdLength)
        {
            keys.Add(aad);
        }
        if (teamsId.Length <= ParticipantIdentity.MaxIdLength && !keys.Contains(teamsId))
        {
            keys.Add(teamsId);
        }
        return keys;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An erasure could not finish ({Reason}); the person was asked to try again")]
    private static partial void LogEraseFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId}: refused an erasure asked by someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger, string workshopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up a mentioned member's Entra id ({Reason}); erasing under the Teams id only")]
    private static partial void LogMemberLookupFailed(ILogger logger, string reason);
}
