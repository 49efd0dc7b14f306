using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Reminders.Cards;

/// <summary>What a reminder card shows: one commitment of one partner, in their language, as of <see cref="Today"/> (Bangkok).</summary>
/// <param name="Confirmation">A line confirming what the partner just did (or what went wrong), or null.</param>
internal sealed record ReminderCardModel(
    PartnerFollowUp Partner,
    FollowUpCommitment Commitment,
    ReminderKind Kind,
    Language Language,
    DateOnly Today,
    string? Confirmation = null,
    bool ConfirmationIsProblem = false);
