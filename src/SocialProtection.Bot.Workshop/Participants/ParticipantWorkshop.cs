using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>The workshop a participant's personal chat answers into, with its question set.</summary>
/// <param name="IsClosed">The facilitators closed it: answers are kept but no longer change.</param>
/// <param name="Language">The workshop's language: what participants read until they choose their own.</param>
internal sealed record ParticipantWorkshop(string WorkshopId, QuestionSet Set, bool IsClosed, Language Language = Language.Thai);
