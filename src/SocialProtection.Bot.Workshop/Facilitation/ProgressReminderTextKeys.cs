namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The keys of progress-reminder-text.json. A test checks each exists in both languages and every entry is used.</summary>
internal static class ProgressReminderTextKeys
{
    public const string Button = "remind.button";
    public const string Done = "remind.done";
    public const string Nobody = "remind.nobody";
    public const string Closed = "remind.closed";
    public const string Message = "remind.message";
    public const string RosterHint = "roster.hint";
    public const string RosterJoined = "roster.joined";
    public const string RosterAnswering = "roster.answering";
    public const string RosterSubmitted = "roster.submitted";
    public const string RosterNobody = "roster.nobody";
}
