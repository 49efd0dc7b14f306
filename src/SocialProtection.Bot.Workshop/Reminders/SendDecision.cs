using SocialProtection.Bot.Workshop.Core;
namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>What to do with a claimed reminder right now.</summary>
internal abstract record SendDecision
{
    private SendDecision() { }

    public sealed record Send : SendDecision;

    /// <summary>Not now (e.g. it is now the partner's quiet hours): try again at <see cref="Until"/>.</summary>
    public sealed record Postpone(DateTimeOffset Until) : SendDecision;

    /// <summary>Never: <see cref="Reason"/> is a short code such as "CommitmentDone".</summary>
    public sealed record Cancel(string Reason) : SendDecision;

    public static SendDecision Now { get; } = new Send();
}
