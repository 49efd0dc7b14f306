using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>A command from personal chat, in either language.</summary>
internal abstract record ParticipantCommand
{
    public sealed record Help : ParticipantCommand;
    public sealed record Start : ParticipantCommand;
    public sealed record Continue : ParticipantCommand;
    public sealed record Status : ParticipantCommand;

    /// <summary>Edit question <see cref="Number"/> (1-based, as the participant sees it; not yet checked against the set).</summary>
    public sealed record Edit(int Number) : ParticipantCommand;

    public sealed record Review : ParticipantCommand;
    public sealed record ChooseLanguage(Language Language) : ParticipantCommand;

    /// <summary>"ภาษา" / "language" alone (as the command menu inserts it): switch to the language not in use now.</summary>
    public sealed record OtherLanguage : ParticipantCommand;
    public sealed record Cancel : ParticipantCommand;

    /// <summary>"ข้าม" / "skip" typed while a question is open: skip it when it is optional.</summary>
    public sealed record Skip : ParticipantCommand;

    /// <summary>"ย้อนกลับ" / "back" typed while a question is open: go to the previous one.</summary>
    public sealed record Back : ParticipantCommand;
}
