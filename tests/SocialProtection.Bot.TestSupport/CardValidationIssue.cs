namespace SocialProtection.Bot.TestSupport;

/// <summary>How bad a card problem is.</summary>
public enum CardIssueSeverity
{
    /// <summary>The renderer rejects, drops or misreads part of the card (Teams will show it wrong or not at all).</summary>
    Error,

    /// <summary>Accepted, but a person will miss something (accessibility, an ignored property, a feature Teams lacks).</summary>
    Warning,
}

/// <summary>One problem the Adaptive Cards renderer (or a Teams rule) found in a card.</summary>
/// <param name="Event">The renderer's validation event (e.g. <c>UnknownElementType</c>, <c>InvalidPropertyValue</c>,
/// <c>UnsupportedCardVersion</c>) or ours (<c>InvalidJson</c>, <c>MissingVersion</c>, <c>UnknownProperty</c>, <c>NotSupportedInTeams</c>).</param>
/// <param name="Phase"><c>Parse</c> or <c>Validation</c>.</param>
/// <param name="Source">Where: an element (<c>TextBlock#id</c>) or a JSON path (<c>$.body[1].wieght</c>), when known.</param>
public sealed record CardValidationIssue(CardIssueSeverity Severity, string Event, string Phase, string Message, string? Source)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Event}{(Source is null ? "" : " at " + Source)}: {Message}";
}
