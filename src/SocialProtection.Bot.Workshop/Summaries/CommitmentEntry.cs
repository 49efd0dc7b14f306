using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>One commitment made by a participant: what, which organisation, by when.</summary>
internal sealed record CommitmentEntry(Respondent Owner, string CommitmentId, string Action, string Organisation, DateOnly DueDate);
