using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>
/// Who may do what (issue 15 item 5, issue 17 item 1). User keys are Entra object ids, compared without regard to case.
/// <list type="bullet">
/// <item><b>Create a workshop</b> in a channel: the configured facilitators (Workshop:Facilitators, everywhere); the
/// team's facilitators (who installed the bot in the team, and whom they added, <see cref="TeamFacilitators"/>); a
/// facilitator of the whole workshop that runs in that channel now; and, in local mode (no app id) with nobody
/// configured, anyone. Being added to a workshop grants nothing anywhere else.</item>
/// <item><b>Run the whole workshop</b> (report, close/reopen, erase people, add or remove workshop-wide facilitators,
/// follow-up plans, every group): the configured facilitators and the workshop's own facilitators (its creator and
/// those added without a group).</item>
/// <item><b>Run a group</b> (progress, that group's summary and vote reset, adding facilitators to that group): the
/// group's facilitators too.</item>
/// </list>
/// </summary>
internal sealed class FacilitatorRoles
{
    private readonly HashSet<string> _configured;
    private readonly bool _anyoneMayCreate;
    private readonly TeamFacilitators _teams;
    private readonly WorkshopStore _workshops;

    public FacilitatorRoles(IOptions<FacilitationOptions> options, IOptions<BotProtocolOptions> protocol, TeamFacilitators teams, WorkshopStore workshops)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(protocol);
        _configured = new HashSet<string>(options.Value.Facilitators.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        // Local mode trusts whoever the activity names anyway; with nobody configured, nobody could start otherwise.
        _anyoneMayCreate = string.IsNullOrWhiteSpace(protocol.Value.MicrosoftAppId) && _configured.Count == 0;
        _teams = teams;
        _workshops = workshops;
    }

    public bool IsConfigured(string userKey) => _configured.Contains(userKey);

    /// <summary>Local mode with no configured facilitator: anyone may create a workshop.</summary>
    public bool AnyoneMayCreate => _anyoneMayCreate;

    /// <summary>Whether <paramref name="userKey"/> may create a workshop where <paramref name="activity"/> happened.</summary>
    public async Task<bool> CanCreateWorkshopsAsync(string userKey, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_anyoneMayCreate || IsConfigured(userKey))
        {
            return true;
        }
        if (TeamFacilitators.PlaceOf(activity) is { } place && await _teams.IsFacilitatorAsync(place, userKey, cancellationToken))
        {
            return true;
        }
        return ChannelConversation.Id(activity) is { } conversationId
            && await _workshops.CurrentForAsync(conversationId, cancellationToken) is { } current
            && RunsWholeWorkshop(userKey, current);
    }

    /// <summary>May add or remove the facilitators of the team <paramref name="activity"/> happened in.</summary>
    public async Task<bool> RunsTeamAsync(string userKey, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _anyoneMayCreate || IsConfigured(userKey)
            || (TeamFacilitators.PlaceOf(activity) is { } place && await _teams.IsFacilitatorAsync(place, userKey, cancellationToken));
    }

    /// <summary>A facilitator of the workshop or of one of its groups: may see its progress and run their groups.</summary>
    public bool CanRun(string userKey, WorkshopRecord workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return IsConfigured(userKey) || workshop.IsFacilitator(userKey);
    }

    /// <summary>A facilitator of the whole workshop, not only of some of its groups.</summary>
    public bool RunsWholeWorkshop(string userKey, WorkshopRecord workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return IsConfigured(userKey) || workshop.Facilitators.Contains(userKey, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The groups <paramref name="userKey"/> facilitates (every group for a facilitator of the whole workshop).</summary>
    public IReadOnlyList<BreakoutGroup> GroupsRunBy(string userKey, WorkshopRecord workshop) =>
        RunsWholeWorkshop(userKey, workshop)
            ? workshop.Groups
            : [.. workshop.Groups.Where(g => g.FacilitatorUserKeys.Contains(userKey, StringComparer.OrdinalIgnoreCase))];
}
