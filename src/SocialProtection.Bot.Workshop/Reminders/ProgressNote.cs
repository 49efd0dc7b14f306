using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>A status change a partner made, with their note if they wrote one (user text: never markdown, never logged).</summary>
internal sealed record ProgressNote(DateTimeOffset At, CommitmentStatus Status, string? Text);
