using System.Globalization;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Facilitation.Cards;

/// <summary>
/// The names part of a facilitator's progress card: per group, who submitted, who is answering and how far (answered
/// of all questions), who joined and has not begun. Names are user text, always escaped.
/// </summary>
internal static class ProgressRosterSection
{
    private const string Unnamed = "?";

    public static IEnumerable<AdaptiveElement> Build(ProgressRoster roster)
    {
        var text = ProgressReminderText.Default;
        foreach (var group in roster.Groups)
        {
            yield return new TextBlock("**" + (group.GroupName is { } name ? CardText.Escape(name) : FacilitationText.Default.Both(FacilitationTextKeys.ProgressNoGroup)) + "**")
            {
                Wrap = true,
                Separator = true,
                Spacing = Spacing.Medium,
            };
            if (group.Joined.Count + group.Answering.Count + group.Submitted.Count == 0)
            {
                yield return Line(text.Both(ProgressReminderTextKeys.RosterNobody));
                continue;
            }
            if (group.Submitted.Count > 0)
            {
                yield return Line(text.Both(ProgressReminderTextKeys.RosterSubmitted) + ": " + Names(group.Submitted));
            }
            if (group.Answering.Count > 0)
            {
                yield return Line(text.Both(ProgressReminderTextKeys.RosterAnswering) + ": " + string.Join(", ", group.Answering.Select(a =>
                    Name(a.Name) + " (" + a.Answered.ToString(CultureInfo.InvariantCulture) + "/" + roster.QuestionCount.ToString(CultureInfo.InvariantCulture) + ")")));
            }
            if (group.Joined.Count > 0)
            {
                yield return Line(text.Both(ProgressReminderTextKeys.RosterJoined) + ": " + Names(group.Joined));
            }
        }
    }

    private static TextBlock Line(string text) => new(text) { Wrap = true, Size = TextSize.Small, Spacing = Spacing.None };

    private static string Names(IEnumerable<string?> names) => string.Join(", ", names.Select(Name));

    private static string Name(string? name) => name is { Length: > 0 } ? CardText.Escape(name) : Unnamed;
}
