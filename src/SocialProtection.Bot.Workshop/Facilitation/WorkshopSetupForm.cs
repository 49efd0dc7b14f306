using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// A valid set-up: what a new workshop is made of. No group names means one group for everyone; <see cref="Language"/>
/// ("th" or "en") is what its participants read until they choose their own.
/// </summary>
internal sealed record WorkshopSetupForm(
    string WorkshopId,
    string Title,
    DateOnly Date,
    IReadOnlyList<string> GroupNames,
    AnswerVisibility Visibility,
    string QuestionSetId,
    string Language = "th");
