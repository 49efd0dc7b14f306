using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>How far one group is: who joined, who started answering, who submitted.</summary>
/// <param name="GroupId">Null for participants whose group the workshop no longer has.</param>
internal sealed record GroupProgress(string? GroupId, string? GroupName, int Joined, int Started, int Submitted);
