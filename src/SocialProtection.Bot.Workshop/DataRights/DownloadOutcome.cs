using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>What opening a valid download link gives: the file, or why not.</summary>
internal abstract record DownloadOutcome
{
    private DownloadOutcome() { }

    public sealed record Ready(ExportFile File) : DownloadOutcome;

    /// <summary>The workshop no longer exists.</summary>
    public sealed record NotFound : DownloadOutcome;

    /// <summary>The person who asked for the link is no longer a facilitator of the workshop.</summary>
    public sealed record Forbidden : DownloadOutcome;

    public static DownloadOutcome Missing { get; } = new NotFound();

    public static DownloadOutcome Refused { get; } = new Forbidden();
}
