using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>One participant of the group being summarised.</summary>
/// <param name="ParticipantId">The stable key the record is stored under (the user's Entra object id).</param>
/// <param name="DisplayName">Shown only in named workshops.</param>
internal sealed record SummaryParticipant(string ParticipantId, string? DisplayName, ParticipantRecord Record);
