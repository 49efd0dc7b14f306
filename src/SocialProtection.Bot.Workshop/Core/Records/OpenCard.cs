namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// The message in the participant's personal chat that holds their open question card, so a turn that does not come
/// from that card (a typed answer, a language switch from another card) can update it in place instead of leaving a
/// second open card for the same question.
/// </summary>
/// <param name="ActivityId">The Teams message id the card was sent (or replaced) as.</param>
/// <param name="QuestionId">The question the card shows.</param>
/// <param name="Revision">The record revision the card was rendered at (what its buttons carry).</param>
internal sealed record OpenCard(string ActivityId, string QuestionId, long Revision);
