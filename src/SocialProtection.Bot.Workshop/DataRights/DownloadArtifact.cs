using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What a download link gives: the workshop's raw data (export) or the written report.</summary>
internal enum DownloadArtifact
{
    Export,
    Report,
}
