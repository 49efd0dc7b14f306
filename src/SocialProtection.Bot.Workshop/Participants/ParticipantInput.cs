using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Cards;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>What the participant did this turn.</summary>
internal abstract record ParticipantInput
{
    /// <summary>A command typed in personal chat ("help", "แก้ไข 3", …); <see cref="WrittenInThai"/>: typed as a Thai word.</summary>
    public sealed record Command(ParticipantCommand Value, bool WrittenInThai = false) : ParticipantInput;

    /// <summary>Any other text typed in personal chat: the answer to an open text question.</summary>
    public sealed record Text(string Value) : ParticipantInput;

    /// <summary>
    /// A pressed card button (Action.Execute or its Action.Submit fallback). <see cref="Data"/> is untrusted:
    /// the card's data merged with its inputs, exactly as received.
    /// </summary>
    public sealed record CardAction(CardActionData Data, bool IsRefresh) : ParticipantInput;

    /// <summary>
    /// The participant pressed "Answer" on a workshop's kickoff card: they belong to <see cref="GroupId"/> from now
    /// on (with <see cref="DisplayName"/> kept only in named workshops), and their questions start or continue.
    /// </summary>
    public sealed record Join(string GroupId, string? DisplayName) : ParticipantInput;
}
