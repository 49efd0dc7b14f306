namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>Settings for <see cref="IdeaFinder"/>.</summary>
internal sealed record IdeaOptions
{
    public static IdeaOptions Default { get; } = new();

    /// <summary>The fewest distinct participants who must have said something for it to be an idea. At least 1.</summary>
    public int MinParticipants { get; init; } = 2;

    /// <summary>How many ideas to return at most, the most widely shared first. At least 1.</summary>
    public int MaxIdeas { get; init; } = 10;

    /// <summary>
    /// How alike two groups of points must be, on average, to be one idea: the mean cosine similarity of their topic
    /// words, weighted by how rare each word is among the participants (0 to 1; higher splits ideas finer).
    /// </summary>
    public double Similarity { get; init; } = 0.3;

    /// <summary>The longest label, in words (a multi-word concept such as องค์กรปกครองส่วนท้องถิ่น is one). 1 to 12.</summary>
    public int MaxLabelWords { get; init; } = 6;

    /// <summary>The longest label, in UTF-16 code units. At least 10.</summary>
    public int MaxLabelLength { get; init; } = 48;

    /// <summary>The longest quote (a representative answer), in UTF-16 code units. At least 20.</summary>
    public int QuoteLength { get; init; } = 160;

    /// <summary>The longest excerpt of each answer behind an idea, in UTF-16 code units. At least 20.</summary>
    public int ExcerptLength { get; init; } = 120;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinParticipants, 1, nameof(MinParticipants));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdeas, 1, nameof(MaxIdeas));
        if (!(Similarity is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Similarity), Similarity, "The similarity threshold lies above 0 and at most 1.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLabelWords, 1, nameof(MaxLabelWords));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLabelWords, 12, nameof(MaxLabelWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLabelLength, 10, nameof(MaxLabelLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(QuoteLength, 20, nameof(QuoteLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExcerptLength, 20, nameof(ExcerptLength));
    }
}
