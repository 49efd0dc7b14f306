using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Exports;

/// <summary>A rendered report ready to offer as a download: an ASCII file name, its media type and its bytes.</summary>
internal sealed record ReportFile(string FileName, string ContentType, BinaryData Content);
