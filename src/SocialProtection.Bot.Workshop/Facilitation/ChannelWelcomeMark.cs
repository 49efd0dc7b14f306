using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;
namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>The bot has said hello in a team (or group chat): written once, before the hello, so it is said once.</summary>
internal sealed record ChannelWelcomeMark
{
    public required DateTimeOffset At { get; init; }
}
