using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// A scratch file for a download being built: only this process can open it, and it is deleted when closed, so
/// participants' data does not stay on disk after the download.
/// </summary>
internal static class TemporaryFile
{
    private const int BufferSize = 64 * 1024;

    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), "spbot-" + Path.GetRandomFileName()),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        BufferSize,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
