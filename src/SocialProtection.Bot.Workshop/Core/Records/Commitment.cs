using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// Something the participant committed to do after the workshop. <see cref="Id"/> is stable across edits so
/// reminders can follow a commitment.
/// </summary>
internal sealed record Commitment(string Id, string Action, string Organisation, DateOnly DueDate);
