using SocialProtection.Bot.Workshop.Reminders;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// One participant as an export shows them: <see cref="Label"/> is their display name in named workshops and
/// "ผู้เข้าร่วม N / Participant N" otherwise; <see cref="FollowUp"/> carries their commitments' follow-up state.
/// <see cref="UserKey"/> is for building reports; exports never write it.
/// </summary>
internal sealed record ExportParticipant(int Number, string Label, string UserKey, string? DisplayName, ParticipantRecord Record, PartnerFollowUp? FollowUp);
