using SocialProtection.Bot.Workshop.Participants;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>One stored participant of a workshop: the user key it is stored under and the record.</summary>
public sealed record WorkshopParticipant(string UserKey, ParticipantRecord Record);
