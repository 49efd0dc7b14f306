using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>The fields of the data the participant's cards send back: hidden data plus the one input, "answer".</summary>
internal static class CardDataFields
{
    public const string Verb = "verb";
    public const string QuestionId = "questionId";

    /// <summary>The participant record's revision the card was rendered at.</summary>
    public const string Revision = "rev";

    /// <summary>The id of every card's input.</summary>
    public const string Answer = "answer";

    /// <summary>The one commitment card's inputs: what, who is responsible, by when.</summary>
    public const string CommitmentAction = "commitmentAction";
    public const string CommitmentOrganisation = "commitmentOrganisation";
    public const string CommitmentDueDate = "commitmentDueDate";

    /// <summary>A commitment's position in the list.</summary>
    public const string Index = "index";

    public const string Language = "language";

    /// <summary>
    /// The workshop the card was rendered for, so a press goes straight to that workshop's record without first
    /// reading which workshop the user is in (a claim, checked against the participant's own record).
    /// </summary>
    public const string Workshop = "workshop";

    /// <summary>Teams may add its own block to submitted data; it is ignored.</summary>
    public const string Teams = "msteams";
}
