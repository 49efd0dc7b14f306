using System.Text.Json.Serialization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Participants.Cards;

/// <summary>
/// The data of every participant card button, as <see cref="CardParts.Button"/> writes it and the router reads it back
/// (plus the card's inputs). Nothing here is trusted: it only says which button the participant says they pressed.
/// </summary>
internal sealed record CardActionData : CardData
{
    public const int MaxIndex = 999;

    public string? QuestionId { get; init; }

    /// <summary>The participant record's revision the card was rendered at.</summary>
    [JsonPropertyName("rev")]
    public long? Revision { get; init; }

    /// <summary>
    /// The workshop the card was rendered for, so a press goes straight to that workshop's record without first reading
    /// which workshop the user is in (a claim, checked against the participant's own record).
    /// </summary>
    public string? Workshop { get; init; }

    /// <summary>A commitment's position in the list.</summary>
    public int? Index { get; init; }

    /// <summary>The language a language button chooses, as its two-letter code.</summary>
    public string? Language { get; init; }

    /// <summary>The question card's one input.</summary>
    [JsonPropertyName(CardDataFields.Answer)]
    public string? Answer { get; init; }

    /// <summary>The one commitment card's inputs: what, who is responsible, by when.</summary>
    [JsonPropertyName(CardDataFields.CommitmentAction)]
    public string? CommitmentAction { get; init; }

    [JsonPropertyName(CardDataFields.CommitmentOrganisation)]
    public string? CommitmentOrganisation { get; init; }

    [JsonPropertyName(CardDataFields.CommitmentDueDate)]
    public string? CommitmentDueDate { get; init; }

    /// <summary>The language chosen, when the button chooses one.</summary>
    [JsonIgnore]
    public Language? ChosenLanguage => LanguageCodes.TryParse(Language, out var language) ? language : null;

    /// <summary>The commitment card's three fields, when the pressed button sent them (null from any other card).</summary>
    [JsonIgnore]
    public CommitmentForm? Commitment =>
        CommitmentAction is null && CommitmentOrganisation is null && CommitmentDueDate is null
            ? null
            : new CommitmentForm(CommitmentAction, CommitmentOrganisation, CommitmentDueDate);

    public override bool IsWellFormed() =>
        QuestionId is null or { Length: > 0 and <= QuestionLimits.MaxIdLength }
        && Revision is null or >= 0
        && Index is null or >= 0 and <= MaxIndex
        && (Language is null || (Language.Length == 2 && LanguageCodes.TryParse(Language, out _)))
        && (Workshop is null || CardWorkshopClaim.IsWorkshopId(Workshop));
}
