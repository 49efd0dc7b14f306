using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A reminder the plan asks for. <see cref="RuleKey"/> names the rule and its planned date ("after:14d@2026-05-15"),
/// so the same reminder always gets the same id. <see cref="Nominal"/> is when the rule says it is due;
/// <see cref="DueAt"/> is that moved into working hours, past holidays and the partner's quiet hours, never earlier.
/// </summary>
internal sealed record PlannedReminder(
    string CommitmentId,
    ReminderKind Kind,
    string RuleKey,
    DateTimeOffset Nominal,
    DateTimeOffset DueAt);
