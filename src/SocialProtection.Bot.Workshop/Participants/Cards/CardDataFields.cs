namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The ids of the participant cards' inputs: Teams sends each input's value under its id, so each is also the JSON name of a <see cref="CardActionData"/> field.</summary>
internal static class CardDataFields
{
    /// <summary>The id of every question card's one input.</summary>
    public const string Answer = "answer";

    /// <summary>The one commitment card's inputs: what, who is responsible, by when.</summary>
    public const string CommitmentAction = "commitmentAction";
    public const string CommitmentOrganisation = "commitmentOrganisation";
    public const string CommitmentDueDate = "commitmentDueDate";
}
