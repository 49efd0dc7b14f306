using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>One answer for theme extraction.</summary>
/// <param name="ParticipantKey">Who wrote it (any stable opaque key); a participant is counted once per theme however often they repeat it.</param>
/// <param name="Text">The answer as written.</param>
internal sealed record ThemeInput(string ParticipantKey, string Text);
