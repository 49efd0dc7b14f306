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
    FacilitatorMembership membership,
    FacilitatorRefusals refusals,
    DamagedRecords damaged,
    TimeProvider time,
    ILogger<ChannelCommands> logger)
{
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
            if (!await roles.CanCreateWorkshopsAsync(identity.Key, turn.Activity, cancellationToken))
            {
                await RefuseAsync(turn, command, creating: true, cancellationToken);
                return;
            }
            await setup.SendSetupCardAsync(turn, newWorkshop.Title, cancellationToken);
            return;
        }

        var workshop = await workshops.CurrentForAsync(conversationId, cancellationToken);
        if (workshop is null)
        {
            // No workshop yet: the team's facilitators add and remove the team's facilitators.
            if (command is FacilitatorCommand.AddFacilitator or FacilitatorCommand.RemoveFacilitator
                && await roles.RunsTeamAsync(identity.Key, turn.Activity, cancellationToken))
            {
                await (command is FacilitatorCommand.AddFacilitator
                    ? membership.AddAsync(turn, identity, null, null, cancellationToken)
                    : membership.RemoveAsync(turn, identity, null, fromTeam: true, cancellationToken));
                return;
            }
            if (await roles.CanCreateWorkshopsAsync(identity.Key, turn.Activity, cancellationToken))
            {
                await ReplyAsync(turn, FacilitationTextKeys.NoWorkshop, cancellationToken);
                return;
            }
            await RefuseAsync(turn, command, creating: false, cancellationToken);
            return;
        }
        if (!roles.CanRun(identity.Key, workshop))
        {
            await RefuseAsync(turn, command, creating: false, cancellationToken);
            return;
        }
        if (workshop.HasProcessed(turn.Activity.Id))
        {
            return; // Redelivered: it was applied and answered the first time.
        }
        if (!roles.RunsWholeWorkshop(identity.Key, workshop))
        {
            // A group's facilitator: progress, and their own groups' summary, vote reset and facilitators.
            if (GroupScope.Narrow(command, workshop, roles.GroupsRunBy(identity.Key, workshop)) is not { } narrowed)
            {
                await RefuseOutsideGroupsAsync(turn, command, workshop, identity, cancellationToken);
                return;
            }
            command = narrowed;
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
            case FacilitatorCommand.RemoveFacilitator:
                await membership.RemoveAsync(turn, identity, workshop, fromTeam: await roles.RunsTeamAsync(identity.Key, turn.Activity, cancellationToken), cancellationToken);
                break;
            case FacilitatorCommand.BrokenRecords:
                await ListDamagedAsync(turn, workshop, cancellationToken);
                break;
            case FacilitatorCommand.RepairRecord repair:
                await SetDamagedAsideAsync(turn, workshop, repair.Code, erase: false, cancellationToken);
                break;
            case FacilitatorCommand.EraseRecord erase:
                await SetDamagedAsideAsync(turn, workshop, erase.Code, erase: true, cancellationToken);
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

    /// <summary>Makes each @mentioned person a facilitator of the workshop, or of the group <paramref name="groupArgument"/> names.</summary>
    private async Task AddFacilitatorsAsync(ITurnContext turn, ParticipantIdentity identity, WorkshopRecord workshop, string? groupArgument, CancellationToken cancellationToken)
    {
        if (FacilitatorMembership.Mentioned(turn.Activity).Count == 0)
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
        await membership.AddAsync(turn, identity, workshop, group, cancellationToken);
    }

    private async Task ListDamagedAsync(ITurnContext turn, WorkshopRecord workshop, CancellationToken cancellationToken)
    {
        var codes = await damaged.ListAsync(workshop.Id, cancellationToken);
        await (codes.Count == 0
            ? ReplyAsync(turn, FacilitationTextKeys.RecordsNone, cancellationToken)
            : ReplyAsync(turn, FacilitationTextKeys.RecordsList, cancellationToken, codes.Count, string.Join(", ", codes)));
    }

    /// <summary>Moves aside (or erases) one damaged record; a code that names no damaged record changes nothing.</summary>
    private async Task SetDamagedAsideAsync(ITurnContext turn, WorkshopRecord workshop, string? code, bool erase, CancellationToken cancellationToken)
    {
        var typed = (code ?? "").Trim().ToLowerInvariant();
        var done = DamagedRecordCode.IsCode(typed)
            && await (erase ? damaged.EraseAsync(workshop.Id, typed, cancellationToken) : damaged.MoveAsideAsync(workshop.Id, typed, cancellationToken));
        if (!done)
        {
            await ReplyAsync(turn, FacilitationTextKeys.RecordsUnknown, cancellationToken, CardText.Escape(CardText.Truncate(typed, 20)));
            return;
        }
        await MarkProcessedAsync(workshop, turn.Activity.Id, cancellationToken);
        await ReplyAsync(turn, erase ? FacilitationTextKeys.RecordsErased : FacilitationTextKeys.RecordsRepaired, cancellationToken, typed);
    }

    private async Task RefuseOutsideGroupsAsync(ITurnContext turn, FacilitatorCommand command, WorkshopRecord workshop, ParticipantIdentity identity, CancellationToken cancellationToken)
    {
        LogRefused(logger, Name(command));
        var mine = roles.GroupsRunBy(identity.Key, workshop);
        var names = string.Join(", ", mine.Select(g => CardText.Escape(g.Name)));
        if (command is FacilitatorCommand.Summary or FacilitatorCommand.ResetVotes or FacilitatorCommand.AddFacilitator { Group: not null })
        {
            var number = mine.Count > 0 ? workshop.Groups.IndexOf(mine[0]) + 1 : 1;
            await ReplyAsync(turn, FacilitationTextKeys.ErrorOtherGroup, cancellationToken, names, number);
            return;
        }
        await ReplyAsync(turn, FacilitationTextKeys.ErrorWholeWorkshopOnly, cancellationToken, names);
    }

    private Task MarkProcessedAsync(WorkshopRecord workshop, string? activityId, CancellationToken cancellationToken) =>
        activityId is { Length: > 0 }
            ? workshops.UpdateAsync(workshop.Id, w => w.HasProcessed(activityId) ? null : w.WithProcessed(activityId), cancellationToken)
            : Task.CompletedTask;

    private async Task RefuseAsync(ITurnContext turn, FacilitatorCommand command, bool creating, CancellationToken cancellationToken)
    {
        LogRefused(logger, Name(command));
        var text = await refusals.ForAsync(turn.Activity, creating, cancellationToken);
        await turn.SendActivityAsync(MessageFactory.Text(text.Th + "\n\n" + text.En), cancellationToken);
    }

    private Task<ResourceResponse> ReplyAsync(ITurnContext turn, string key, CancellationToken cancellationToken, params object[] args) =>
        turn.SendActivityAsync(MessageFactory.Text(_text.Paragraphs(key, args)), cancellationToken);

    private static string Name(FacilitatorCommand command) => command.GetType().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a facilitator command ({Command}) to someone who is not a facilitator")]
    private static partial void LogRefused(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workshop {WorkshopId} is now {Status}")]
    private static partial void LogStatus(ILogger logger, string workshopId, WorkshopStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The facilitator command {Command} failed ({Reason}); nothing more was done")]
    private static partial void LogFailed(ILogger logger, string command, string reason);
}
