using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Workshops;

/// <summary>Whether summaries and reports show who gave each answer; set per workshop.</summary>
internal enum AnswerVisibility
{
    /// <summary>Answers carry the participant's display name.</summary>
    Named,

    /// <summary>Answers carry only "ผู้เข้าร่วม N / Participant N"; no name or id is shown anywhere.</summary>
    Anonymous,
}
