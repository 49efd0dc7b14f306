using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// What a signed download link stands for: which workshop, which artifact in which format, and the facilitator who
/// asked (their user key), who must still be a facilitator when the link is opened. A link made where the asker is
/// not known (<see cref="Facilitation.IDownloadLinkIssuer"/>) names nobody and is checked for the workshop only.
/// </summary>
internal sealed record DownloadRequest(string WorkshopId, DownloadArtifact Artifact, DownloadFormat Format, string? RequestedBy)
{
    public const int MaxIdLength = 256;

    /// <summary>Whether the artifact comes in the format: exports as JSON or CSV, reports as Markdown, HTML, CSV or Word.</summary>
    public static bool Supports(DownloadArtifact artifact, DownloadFormat format) => artifact switch
    {
        DownloadArtifact.Export => format is DownloadFormat.Json or DownloadFormat.Csv,
        DownloadArtifact.Report => format is DownloadFormat.Md or DownloadFormat.Html or DownloadFormat.Csv or DownloadFormat.Docx or DownloadFormat.DocxEnglish,
        _ => false,
    };

    /// <summary>
    /// A request from the words a command uses ("export" / "report", "json" / "csv" / "md" / "html", any case), or null
    /// when a word is unknown, the pair is not offered or an id is empty or too long (the requester may be absent).
    /// </summary>
    public static DownloadRequest? TryCreate(string? workshopId, string? artifact, string? format, string? requestedBy)
    {
        if (string.IsNullOrWhiteSpace(workshopId) || workshopId.Length > MaxIdLength
            || (requestedBy is not null && (string.IsNullOrWhiteSpace(requestedBy) || requestedBy.Length > MaxIdLength))
            || !TryParseArtifact(artifact, out var a) || !TryParseFormat(format, out var f) || !Supports(a, f))
        {
            return null;
        }
        return new DownloadRequest(workshopId, a, f, requestedBy);
    }

    public static bool TryParseArtifact(string? text, out DownloadArtifact artifact)
    {
        artifact = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "export":
                artifact = DownloadArtifact.Export;
                return true;
            case "report":
                artifact = DownloadArtifact.Report;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseFormat(string? text, out DownloadFormat format)
    {
        format = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "json":
                format = DownloadFormat.Json;
                return true;
            case "csv":
                format = DownloadFormat.Csv;
                return true;
            case "md" or "markdown":
                format = DownloadFormat.Md;
                return true;
            case "html":
                format = DownloadFormat.Html;
                return true;
            case "docx" or "word":
                format = DownloadFormat.Docx;
                return true;
            case "docx-en":
                format = DownloadFormat.DocxEnglish;
                return true;
            default:
                return false;
        }
    }

    public static string Word(DownloadArtifact artifact) => artifact == DownloadArtifact.Report ? "report" : "export";

    public static string Word(DownloadFormat format) => format switch
    {
        DownloadFormat.Csv => "csv",
        DownloadFormat.Md => "md",
        DownloadFormat.Html => "html",
        DownloadFormat.Docx => "docx",
        DownloadFormat.DocxEnglish => "docx-en",
        _ => "json",
    };
}
