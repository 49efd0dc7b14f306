using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Records;

internal enum ParticipantStatus
{
    NotStarted,

    /// <summary>A dialog is open and waits for the participant's next answer.</summary>
    InProgress,

    /// <summary>"Save and continue later": the dialog is kept and resumes on "continue".</summary>
    Paused,

    /// <summary>The participant submitted their answers (they may still edit them).</summary>
    Submitted,
}
