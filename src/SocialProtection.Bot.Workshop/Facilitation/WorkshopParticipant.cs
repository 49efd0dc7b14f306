using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>One stored participant of a workshop: the user key it is stored under and the record.</summary>
internal sealed record WorkshopParticipant(string UserKey, ParticipantRecord Record);
