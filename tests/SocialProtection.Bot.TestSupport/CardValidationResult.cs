namespace SocialProtection.Bot.TestSupport;

/// <summary>What the validator found in one card (<see cref="Index"/> = its position in the batch).</summary>
public sealed record CardValidationResult(int Index, IReadOnlyList<CardValidationIssue> Issues)
{
    /// <summary>The problems that make the card render wrongly or not at all.</summary>
    public IEnumerable<CardValidationIssue> Errors => Issues.Where(i => i.Severity == CardIssueSeverity.Error);

    /// <summary>The problems that are accepted but cost the reader something.</summary>
    public IEnumerable<CardValidationIssue> Warnings => Issues.Where(i => i.Severity == CardIssueSeverity.Warning);

    /// <summary>No errors (warnings allowed).</summary>
    public bool IsValid => !Errors.Any();

    /// <summary>Neither errors nor warnings.</summary>
    public bool IsClean => Issues.Count == 0;
}
