using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// A finished export or report, ready to download: <see cref="FileName"/> may hold Thai (sent as the UTF-8
/// <c>filename*</c>), <see cref="AsciiFileName"/> is the fallback for old clients. <see cref="Content"/> is positioned at
/// its start; disposing the file disposes it (a temporary file is deleted then).
/// </summary>
internal sealed class ExportFile(string fileName, string asciiFileName, string contentType, Stream content) : IAsyncDisposable
{
    public string FileName { get; } = fileName;

    public string AsciiFileName { get; } = asciiFileName;

    public string ContentType { get; } = contentType;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
