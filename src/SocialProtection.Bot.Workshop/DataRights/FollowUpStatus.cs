using System.Text.Json;
using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>How an export names a commitment's follow-up status: a camelCase word in JSON, both languages in CSV.</summary>
internal static class FollowUpStatus
{
    public static string Word(CommitmentStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static string Label(CommitmentStatus status) => DataRightsText.Default.Both(status switch
    {
        CommitmentStatus.InProgress => DataRightsTextKeys.StatusInProgress,
        CommitmentStatus.Done => DataRightsTextKeys.StatusDone,
        CommitmentStatus.NeedHelp => DataRightsTextKeys.StatusNeedHelp,
        _ => DataRightsTextKeys.StatusNotStarted,
    });
}
