using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reports;

/// <summary>A group's leverage points, the most dots first when it voted (ballot order otherwise).</summary>
internal sealed record GroupLeveragePoints(string GroupId, string? GroupName, bool Voted, int Voters, IReadOnlyList<LeveragePoint> Points);
