using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>What the pure conversation needs to know about the turn besides the record and the input.</summary>
/// <param name="ActivityId">The incoming activity's id, for idempotency.</param>
/// <param name="UserId">The user's Teams id ("29:…"), the only user a card refreshes for.</param>
/// <param name="Locale">The activity's locale. It never picks the language: clients send their own (the Playground always en-US).</param>
/// <param name="Now">The time of the turn.</param>
/// <param name="FromCard">The input came from a pressed card button, whose card can be replaced in place.</param>
internal sealed record TurnFacts(string? ActivityId, string UserId, string? Locale, DateTimeOffset Now, bool FromCard)
{
    /// <summary>The workshop's language: what the participant reads until they choose their own.</summary>
    public Language WorkshopLanguage { get; init; } = Language.Thai;

    /// <summary>The message id of the pressed card (the activity's replyToId), when the client sent it.</summary>
    public string? PressedActivityId { get; init; }

    /// <summary>Today's date in Thailand.</summary>
    public DateOnly Today => DateOnly.FromDateTime(BangkokTime.ToLocal(Now).DateTime);
}
