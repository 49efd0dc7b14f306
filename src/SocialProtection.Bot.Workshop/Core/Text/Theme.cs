using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>A word or phrase that recurs across answers.</summary>
/// <param name="Text">For display: Thai words joined without spaces, Latin words and numbers set apart by a space, Latin in its most common casing.</param>
/// <param name="ParticipantCount">How many distinct participants wrote it.</param>
/// <param name="OccurrenceCount">How many times it was written in all, repeats included.</param>
internal sealed record Theme(string Text, int ParticipantCount, int OccurrenceCount);
