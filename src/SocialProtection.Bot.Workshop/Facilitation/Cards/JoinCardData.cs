namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>The kickoff card's Answer button: its workshop, and the group picked when the workshop has several.</summary>
internal sealed record JoinCardData : WorkshopCardData
{
    /// <summary>The kickoff card's group input.</summary>
    public string? Group { get; init; }

    public override bool IsWellFormed() => base.IsWellFormed() && WithinLimit(Group);
}
