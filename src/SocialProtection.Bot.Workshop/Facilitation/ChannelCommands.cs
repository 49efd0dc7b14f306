using System.Net;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;
using SocialProtection.Bot.Workshop.Core.Localization;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Facilitator commands typed to the bot in a channel or group chat. Every command except help is a facilitator
/// action: the sender's role is checked first and anyone else gets a clear bilingual refusal, with nothing changed
/// and nothing about the workshop revealed. Commands act on the newest workshop created in the conversation; a
/// redelivered command (same activity id) is not applied twice.
/// </summary>
internal sealed partial class ChannelCommands(
    WorkshopStore workshops,
    FacilitatorRoles roles,
    WorkshopSetup setup,
    ProgressBoard progress,
    SummaryPublisher summaries,
    WorkshopReports reports,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<ChannelCommands> logger)
{
    private const string BotIdPrefix = "28:";

    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>A message in a channel or group chat that is one of the commands (or only the bot's mention).</summary>
    public static bool Handles(ITurnContext turn) =>
        ChannelConversation.IsChannelOrGroupChat(turn.Activity)
        && (FacilitatorCommandParser.IsEmpty(turn.Activity.Text) || FacilitatorCommandParser.Parse(turn.Activity.Text) is not null);

    public async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ParticipantIdentity.From(activity) is not { } identity || ChannelConversation.Id(activity) is not { } conversationId)
        {
            return;
        }
        var command = FacilitatorCommandParser.Parse(activity.Text) ?? new FacilitatorCommand.Help();
        try
        {
            await RunAsync(turn, identity, conversationId, command, cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or ConcurrencyConflictException or StoredDataCorruptException)
        {
            LogFailed(logger, Name(command), e.GetType().Name);
            await ReplyAsync(turn, FacilitationTextKeys.ErrorTryAgain, cancellationToken);
        }
        catch (ConnectorException e)
        {
            LogFailed(logger, Name(command), "connector " + ((int?)e.StatusCode ?? 0));
            await ReplyAsync(turn, FacilitationTextKeys.ErrorNotPosted, cancellationToken);
        }
    }

    private async Task RunAsync(ITurnContext turn, ParticipantIdentity identity, string conversationId, FacilitatorCommand command, CancellationToken cancellationToken)
    {
        if (command is FacilitatorCommand.Help)
        {
            await ReplyAsync(turn, FacilitationTextKeys.Help, cancellationToken);
            return;
        }
        if (command is FacilitatorCommand.NewWorkshop newWorkshop)
        {
            if (!await roles.CanCreateWorkshopsAsync(identity.Key, cancellationToken))
            {
                await RefuseAsync(turn, command, cancellationToken);
                return;
            }
            await setup.SendSetupCardAsync(turn, newWorkshop.Title, cancellationToken);
            return;
        }

        var workshop = await workshops.CurrentForAsync(conversationId, cancellationToken);
        if (workshop is null || !roles.CanRun(identity.Key, workshop))
        {
            if (workshop is null && await roles.CanCreateWorkshopsAsync(identity.Key, cancellationToken))
            {
                await ReplyAsync(turn, FacilitationTextKeys.NoWorkshop, cancellationToken);
                return;
            }
            await RefuseAsync(turn, command, cancellationToken);
            return;
        }
        if (workshop.HasProcessed(turn.Activity.Id))
        {
            return; // Redelivered: it was applied and answered the first time.
        }

        switch (command)
        {
            case FacilitatorCommand.Progress:
                await progress.PostAsync(turn, workshop, cancellationToken);
                await MarkProcessedAsync(workshop, turn.Activity.Id, cancellationToken);
                break;
            case FacilitatorCommand.Summary summary:
                await summaries.PostSummaryAsync(turn, workshop, summary.Group, cancellationToken);
                break;
            case FacilitatorCommand.ResetVotes reset:
                await summaries.ResetVotesAsync(turn, workshop, reset.Group, cancellationToken);
                break;
            case FacilitatorCommand.Report:
                await reports.PostHeadlineAsync(workshop, identity.Key, cancellationToken);
                await MarkProcessedAsync(workshop, turn.Activity.Id, cancellationToken);
                break;
            case FacilitatorCommand.AddFacilitator add:
                await AddFacilitatorsAsync(turn, identity, workshop, add.Group, cancellationToken);
                break;
            case FacilitatorCommand.Close:
                await SetStatusAsync(turn, workshop, WorkshopStatus.Closed, cancellationToken);
                break;
            case FacilitatorCommand.Reopen:
                await SetStatusAsync(turn, workshop, WorkshopStatus.Open, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unhandled command {command.GetType().Name}.");
        }
    }

    private async Task SetStatusAsync(ITurnContext turn, WorkshopRecord workshop, WorkshopStatus status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await workshops.UpdateAsync(workshop.Id, w => w.WithProcessed(turn.Activity.Id) with
        {
            Status = status,
            ClosedAt = status == WorkshopStatus.Closed ? w.ClosedAt ?? now : null,
            UpdatedAt = now,
        }, cancellationToken) ?? workshop;
        LogStatus(logger, workshop.Id, status);
        await setup.UpdateKickoffAsync(updated, cancellationToken);
        await ReplyAsync(turn, status == WorkshopStatus.Closed ? FacilitationTextKeys.Closed : FacilitationTextKeys.Reopened, cancellationToken);
    }

    /// <summary>
    /// Makes each @mentioned person a facilitator of the workshop (or of one group) and lets them create workshops.
    /// Who is meant comes only from the mention entities Teams sends, never from the typed text; their Entra object id
    /// is asked of Teams (the team's roster), so only members of the team can be added.
    /// </summary>
    private async Task AddFacilitatorsAsync(ITurnContext turn, ParticipantIdentity identity, WorkshopRecord workshop, string? groupArgument, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var mentioned = (activity.Entities ?? [])
            .Where(e => e.Type == Entity.MentionType && e.Mentioned?.Id is { Length: > 0 } id && id != activity.Recipient?.Id && !id.StartsWith(BotIdPrefix, StringComparison.Ordinal))
            .Select(e => e.Mentioned!.Id!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (mentioned.Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorUsage, cancellationToken);
            return;
        }
        BreakoutGroup? group = null;
        if (!string.IsNullOrWhiteSpace(groupArgument) && (group = GroupSelector.Find(workshop, groupArgument.Trim())) is null)
        {
            await ReplyAsync(turn, FacilitationTextKeys.UnknownGroup, cancellationToken,
                string.Join(", ", workshop.Groups.Select((g, i) => $"{i + 1}. {CardText.Escape(g.Name)}")));
            return;
        }
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || ChannelConversation.RosterId(activity) is not { } roster)
        {
            return;
        }

        var added = new List<(string Key, string Name)>();
        var notMembers = 0;
        foreach (var id in mentioned)
        {
            try
            {
                var member = await connector.GetMemberAsync(serviceUrl, roster, id, cancellationToken);
                var key = member.AadObjectId is { Length: > 0 } aad ? aad : member.Id;
                if (key is { Length: > 0 and <= ParticipantIdentity.MaxIdLength })
                {
                    added.Add((key, member.Name ?? ""));
                }
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                notMembers++;
            }
        }
        if (added.Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorNotMember, cancellationToken);
            return;
        }

        var keys = added.Select(a => a.Key).ToList();
        await workshops.UpdateAsync(workshop.Id, w =>
        {
            var next = w.WithProcessed(activity.Id) with { UpdatedAt = time.GetUtcNow() };
            if (group is null)
            {
                return next with { Facilitators = [.. w.Facilitators, .. keys.Where(k => !w.Facilitators.Contains(k, StringComparer.OrdinalIgnoreCase))] };
            }
            return next with
            {
                Groups = [.. w.Groups.Select(g => g.Id != group.Id ? g : g with
                {
                    FacilitatorUserKeys = [.. g.FacilitatorUserKeys, .. keys.Where(k => !g.FacilitatorUserKeys.Contains(k, StringComparer.OrdinalIgnoreCase))],
                })],
            };
        }, cancellationToken);
        foreach (var key in keys)
        {
            await roles.GrantAsync(key, identity.Key, cancellationToken);
        }
        LogFacilitatorsAdded(logger, workshop.Id, keys.Count);
        var names = string.Join(", ", added.Select(a => a.Name.Length > 0 ? CardText.Escape(a.Name) : "?"));
        await ReplyAsync(turn, group is null ? FacilitationTextKeys.AddFacilitatorDone : FacilitationTextKeys.AddFacilitatorGroupDone,
            cancellationToken, names, group is null ? "" : CardText.Escape(group.Name));
        if (notMembers > 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorNotMember, cancellationToken);
        }
    }

    private Task MarkProcessedAsync(WorkshopRecord workshop, string? activityId, CancellationToken cancellationToken) =>
        activityId is { Length: > 0 }
            ? workshops.UpdateAsync(workshop.Id, w => w.HasProcessed(activityId) ? null : w.WithProcessed(activityId), cancellationToken)
            : Task.CompletedTask;

    private Task<ResourceResponse> RefuseAsync(ITurnContext turn, FacilitatorCommand command, CancellationToken cancellationToken)
    {
        LogRefused(logger, Name(command));
        return ReplyAsync(turn, FacilitationTextKeys.ErrorNotFacilitator, cancellationToken);
    }

    private Task<ResourceResponse> ReplyAsync(ITurnContext turn, string key, CancellationToken cancellationToken, params object[] args) =>
        turn.SendActivityAsync(MessageFactory.Text(_text.Paragraphs(key, args)), cancellationToken);

    private static string Name(FacilitatorCommand command) => command.GetType().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a facilitator command ({Command}) to someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} is now {Status}")]
    private static partial void LogStatus(ILogger logger, string workshopId, WorkshopStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} facilitators added to workshop {WorkshopId}")]
    private static partial void LogFacilitatorsAdded(ILogger logger, string workshopId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The facilitator command {Command} failed ({Reason}); nothing more was done")]
    private static partial void LogFailed(ILogger logger, string command, string reason);
}
