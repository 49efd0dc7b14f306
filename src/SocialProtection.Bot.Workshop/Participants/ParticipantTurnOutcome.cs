using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Localization;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// What one turn of the conversation decided: the record to save (when <see cref="Changed"/>), the messages to send
/// after it is saved, what the pressed card becomes, or why a card action was refused.
/// </summary>
internal sealed record ParticipantTurnOutcome(
    ParticipantRecord Record,
    bool Changed,
    ImmutableList<ParticipantView> Replies,
    ParticipantView? PressedCard,
    Notice? Refusal,
    string? RefusalReason)
{
    /// <summary>What the open question card (<see cref="ParticipantRecord.OpenCard"/>) becomes, updated in place after the save.</summary>
    public ParticipantView? OpenCardView { get; init; }

    /// <summary>The language the participant chose this turn, remembered for their other workshops after the save.</summary>
    public Language? ChosenLanguage { get; init; }

    public static ParticipantTurnOutcome Refused(ParticipantRecord record, Notice notice, string reason) =>
        new(record, Changed: false, [], PressedCard: null, notice, reason);
}
