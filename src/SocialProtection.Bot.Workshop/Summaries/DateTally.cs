using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Summaries;

/// <summary>One date that participants gave, with who gave it (in respondent order).</summary>
internal sealed record DateTally(DateOnly Date, IReadOnlyList<Respondent> Respondents);
