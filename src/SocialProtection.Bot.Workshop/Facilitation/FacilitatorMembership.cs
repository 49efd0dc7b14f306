using System.Net;
using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Text;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// <c>facilitator add @name [group]</c> and <c>facilitator remove @name</c> (issue 15 item 5): who is meant comes only
/// from the mention entities Teams sends, never from the typed text, and their Entra object id is asked of Teams (the
/// team's roster), so only members of the team are found. Adding to a workshop grants nothing anywhere else; while no
/// workshop runs in the channel the team's facilitators add or remove the team's facilitators instead. The caller has
/// checked who may do what (<see cref="FacilitatorRoles"/>).
/// </summary>
internal sealed partial class FacilitatorMembership(
    WorkshopStore workshops,
    TeamFacilitators teams,
    FacilitatorRoles roles,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<FacilitatorMembership> logger)
{
    private const string BotIdPrefix = "28:";

    private readonly TextCatalog _text = FacilitationText.Default;

    /// <summary>Adds the mentioned people to the workshop, to <paramref name="group"/> of it, or (no workshop) to the team.</summary>
    public async Task AddAsync(ITurnContext turn, ParticipantIdentity identity, WorkshopRecord? workshop, BreakoutGroup? group, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (Mentioned(activity).Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorUsage, cancellationToken);
            return;
        }
        var (added, notMembers) = await ResolveAsync(activity, cancellationToken);
        if (added.Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorNotMember, cancellationToken);
            return;
        }
        var keys = added.Select(a => a.Key).ToList();
        var names = string.Join(", ", added.Select(a => a.Name.Length > 0 ? CardText.Escape(a.Name) : "?"));
        if (workshop is null)
        {
            if (TeamFacilitators.PlaceOf(activity) is not { } place)
            {
                return;
            }
            foreach (var (key, name) in added)
            {
                await teams.AddAsync(place, key, name, identity.Key, cancellationToken);
            }
            LogTeamFacilitatorsAdded(logger, keys.Count);
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorTeamDone, cancellationToken, names);
        }
        else
        {
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
            LogFacilitatorsAdded(logger, workshop.Id, keys.Count);
            await ReplyAsync(turn, group is null ? FacilitationTextKeys.AddFacilitatorDone : FacilitationTextKeys.AddFacilitatorGroupDone,
                cancellationToken, names, group is null ? "" : CardText.Escape(group.Name));
        }
        if (notMembers > 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.AddFacilitatorNotMember, cancellationToken);
        }
    }

    /// <summary>
    /// Stops the mentioned people being facilitators of the workshop and each of its groups, and (for a facilitator of
    /// the team) of the team. Configured facilitators stay: they come from the bot's configuration.
    /// </summary>
    public async Task RemoveAsync(ITurnContext turn, ParticipantIdentity identity, WorkshopRecord? workshop, bool fromTeam, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (Mentioned(activity).Count == 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.RemoveFacilitatorUsage, cancellationToken);
            return;
        }
        var (found, _) = await ResolveAsync(activity, cancellationToken);
        var removed = new List<string>();
        foreach (var (key, name) in found)
        {
            var shown = name.Length > 0 ? CardText.Escape(name) : "?";
            if (roles.IsConfigured(key))
            {
                await ReplyAsync(turn, FacilitationTextKeys.RemoveFacilitatorConfigured, cancellationToken, shown);
                continue;
            }
            var wasFacilitator = false;
            if (workshop is not null && workshop.IsFacilitator(key))
            {
                await workshops.UpdateAsync(workshop.Id, w => w.WithProcessed(activity.Id) with
                {
                    Facilitators = [.. w.Facilitators.Where(k => !string.Equals(k, key, StringComparison.OrdinalIgnoreCase))],
                    Groups = [.. w.Groups.Select(g => g with
                    {
                        FacilitatorUserKeys = [.. g.FacilitatorUserKeys.Where(k => !string.Equals(k, key, StringComparison.OrdinalIgnoreCase))],
                    })],
                    UpdatedAt = time.GetUtcNow(),
                }, cancellationToken);
                wasFacilitator = true;
            }
            if (fromTeam && TeamFacilitators.PlaceOf(activity) is { } place && await teams.RemoveAsync(place, key, cancellationToken))
            {
                wasFacilitator = true;
            }
            if (wasFacilitator)
            {
                removed.Add(shown);
            }
        }
        LogFacilitatorsRemoved(logger, removed.Count);
        if (removed.Count > 0)
        {
            await ReplyAsync(turn, FacilitationTextKeys.RemoveFacilitatorDone, cancellationToken, string.Join(", ", removed));
        }
        else if (found.All(f => !roles.IsConfigured(f.Key)))
        {
            await ReplyAsync(turn, FacilitationTextKeys.RemoveFacilitatorNone, cancellationToken);
        }
    }

    /// <summary>The Teams ids of the people the message @mentions, the bot left out.</summary>
    public static List<string> Mentioned(Activity activity) =>
    [
        .. (activity.Entities ?? [])
            .Where(e => e.Type == Entity.MentionType && e.Mentioned?.Id is { Length: > 0 } id && id != activity.Recipient?.Id && !id.StartsWith(BotIdPrefix, StringComparison.Ordinal))
            .Select(e => e.Mentioned!.Id!)
            .Distinct(StringComparer.Ordinal),
    ];

    private async Task<(List<(string Key, string Name)> Found, int NotMembers)> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var found = new List<(string Key, string Name)>();
        var notMembers = 0;
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || ChannelConversation.RosterId(activity) is not { } roster)
        {
            return (found, notMembers);
        }
        foreach (var id in Mentioned(activity))
        {
            try
            {
                var member = await connector.GetMemberAsync(serviceUrl, roster, id, cancellationToken);
                var key = member.AadObjectId is { Length: > 0 } aad ? aad : member.Id;
                if (key is { Length: > 0 and <= ParticipantIdentity.MaxIdLength })
                {
                    found.Add((key, member.Name ?? ""));
                }
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                notMembers++;
            }
        }
        return (found, notMembers);
    }

    private Task<ResourceResponse> ReplyAsync(ITurnContext turn, string key, CancellationToken cancellationToken, params object[] args) =>
        turn.SendActivityAsync(MessageFactory.Text(_text.Paragraphs(key, args)), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} facilitators added to workshop {WorkshopId}")]
    private static partial void LogFacilitatorsAdded(ILogger logger, string workshopId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} facilitators added to a team")]
    private static partial void LogTeamFacilitatorsAdded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} facilitators removed")]
    private static partial void LogFacilitatorsRemoved(ILogger logger, int count);
}
