using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>One stored participant record of a workshop and the user key it belongs to.</summary>
public sealed record FollowUpParticipant(string UserKey, ParticipantRecord Record);
