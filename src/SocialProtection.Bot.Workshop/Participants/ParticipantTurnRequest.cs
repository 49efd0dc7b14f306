using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>One participant turn to run: whose, in which workshop, what they did, and (in personal chat) how to reach them later.</summary>
public sealed record ParticipantTurnRequest(
    string WorkshopId,
    ParticipantIdentity Identity,
    ParticipantInput Input,
    TurnFacts Facts,
    ConversationReference? PersonalConversation);
