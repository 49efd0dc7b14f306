using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What a download link gives: the workshop's raw data (export) or the written report.</summary>
public enum DownloadArtifact
{
    Export,
    Report,
}
