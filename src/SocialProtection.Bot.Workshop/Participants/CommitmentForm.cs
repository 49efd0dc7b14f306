namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// What the one commitment card's three fields hold: what will be done, who is responsible, by when (as typed or
/// picked; the due date is checked when the commitment is saved). Any of them may be empty.
/// </summary>
internal sealed record CommitmentForm(string? Action, string? Organisation, string? DueDate)
{
    public static CommitmentForm Empty { get; } = new(null, null, null);

    public bool IsBlank => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Organisation) && string.IsNullOrWhiteSpace(DueDate);
}
