using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>The outcome of reading a download token; <see cref="Request"/> is set only when it is valid.</summary>
internal sealed record DownloadTokenReading(DownloadTokenStatus Status, DownloadRequest? Request)
{
    public static DownloadTokenReading Invalid { get; } = new(DownloadTokenStatus.Invalid, null);

    public static DownloadTokenReading Expired { get; } = new(DownloadTokenStatus.Expired, null);
}
