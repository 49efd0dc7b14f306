using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>A group's participation: who is in it, who answered, who submitted, how many answers.</summary>
internal sealed record GroupOverview(string GroupId, string? GroupName, int Participants, int Respondents, int Submitted, int Answers);
