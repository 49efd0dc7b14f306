using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Questions;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// One participant turn to run: whose, in which workshop and with which question set, what they did, and (in personal
/// chat) how to reach them later.
/// </summary>
public sealed record ParticipantTurnRequest(
    string WorkshopId,
    QuestionSet Set,
    ParticipantIdentity Identity,
    ParticipantInput Input,
    TurnFacts Facts,
    ConversationReference? PersonalConversation);
