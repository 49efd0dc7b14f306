using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>The ids dialogs are stored under; changing one strands every saved stack that uses it.</summary>
internal static class DialogIds
{
    public const string Lesson = "lesson";
    public const string Commitment = "commitment";
}
