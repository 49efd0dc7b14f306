using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Questions;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// One participant turn to run: whose, in which workshop and with which question set, what they did, and (in personal
/// chat) how to reach them later. <paramref name="ExistingRecordOnly"/>: apply the turn only to a record the
/// participant already has in that workshop (the workshop came from a card's claim, not from the user's own pointer).
/// </summary>
internal sealed record ParticipantTurnRequest(
    string WorkshopId,
    QuestionSet Set,
    ParticipantIdentity Identity,
    ParticipantInput Input,
    TurnFacts Facts,
    ConversationReference? PersonalConversation,
    bool ExistingRecordOnly = false)
{
    /// <summary>The participant's profile as the handler read it (their remembered language, their stored chat); null when not read.</summary>
    public UserProfileSnapshot? Profile { get; init; }

    /// <summary>Reads already under way for this turn (<see cref="ParticipantTurnRunner.ReadAhead"/>); used when they are for this workshop.</summary>
    public ParticipantReadAhead? ReadAhead { get; init; }
}
