using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>At most <see cref="Limit"/> sends in any span of <see cref="Period"/>.</summary>
internal sealed record RateWindow(int Limit, TimeSpan Period);
