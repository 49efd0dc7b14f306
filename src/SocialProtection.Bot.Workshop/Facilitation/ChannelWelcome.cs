using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// When the bot is added to a team (or a group chat) it says a short bilingual hello there explaining
/// <c>workshop new</c>, once per team: the paired install events (installationUpdate and conversationUpdate), and any
/// later reinstall, race for one mark written with If-None-Match, and only the winner posts.
/// </summary>
internal sealed partial class ChannelWelcome(IObjectStore objectStore, ChannelPoster poster, TeamFacilitators teams, TimeProvider time, ILogger<ChannelWelcome> logger)
{
    private readonly JsonObjectStore _store = new(objectStore, StoredJson.StoreOptions());
    private readonly TextCatalog _text = FacilitationText.Default;

    public async Task OnInstalledAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!ChannelConversation.IsChannelOrGroupChat(activity) || !IsBotAdded(activity)
            || ChannelConversation.Reference(activity) is not { } channel
            || (ChannelConversation.TeamId(activity) ?? ChannelConversation.Id(activity)) is not { } place)
        {
            return;
        }
        await RecordInstallerAsync(activity, place, cancellationToken);
        var key = WorkshopKeys.ChannelWelcome(place);
        try
        {
            await _store.WriteAsync(key, new ChannelWelcomeMark { At = time.GetUtcNow() }, WriteCondition.IfNotExists, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            return; // Already welcomed.
        }
        catch (Exception e) when (e is StorageUnavailableException)
        {
            // The hello is a courtesy; without the mark it would risk coming twice.
            LogSkipped(logger, e.GetType().Name);
            return;
        }
        try
        {
            await poster.PostAsync(channel, MessageFactory.Text(_text.Paragraphs(FacilitationTextKeys.Hello)), cancellationToken);
        }
        catch (ConnectorException e)
        {
            LogSkipped(logger, "status " + ((int?)e.StatusCode ?? 0));
            // Let a later install event try again.
            await objectStore.DeleteAsync(key, ifMatch: null, cancellationToken);
        }
    }

    // Issue 17 item 1: whoever installs the bot in a team is its first facilitator, with no configuration.
    private async Task RecordInstallerAsync(Activity activity, string place, CancellationToken cancellationToken)
    {
        if (ParticipantIdentity.From(activity) is not { } installer || installer.TeamsId == activity.Recipient?.Id)
        {
            return;
        }
        try
        {
            if (await teams.AddAsync(place, installer.Key, activity.From?.Name, addedBy: null, cancellationToken))
            {
                LogInstallerRecorded(logger);
            }
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogInstallerNotRecorded(logger, e.GetType().Name);
        }
    }

    private static bool IsBotAdded(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action is "add" or "add-upgrade",
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id is { } id && id == activity.Recipient?.Id) == true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "The person who installed the bot is now a facilitator of the team")]
    private static partial void LogInstallerRecorded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The person who installed the bot could not be made a facilitator of the team ({Reason})")]
    private static partial void LogInstallerNotRecorded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No hello was posted in the team ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
