using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>One stored participant record of a workshop and the user key it belongs to.</summary>
internal sealed record FollowUpParticipant(string UserKey, ParticipantRecord Record);
