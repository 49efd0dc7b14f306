using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Tests.Participants;

/// <summary>A Teams user in personal chat with the bot.</summary>
internal sealed record TestUser(string TeamsId, string AadObjectId, string ConversationId)
{
    public static TestUser Alice { get; } = new("29:1alice-teams-id", "6f1c2f4e-0000-4000-8000-00000000a11c", "a:1personal-alice");
    public static TestUser Bob { get; } = new("29:1bob-teams-id", "6f1c2f4e-0000-4000-8000-000000000b0b", "a:1personal-bob");
}
