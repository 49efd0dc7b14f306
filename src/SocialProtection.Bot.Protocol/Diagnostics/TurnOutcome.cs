namespace SocialProtection.Bot.Protocol.Diagnostics;

/// <summary>The values of the <c>turn.outcome</c> tag.</summary>
public static class TurnOutcome
{
    /// <summary>The handler ran to the end.</summary>
    public const string Completed = "completed";

    /// <summary>The handler threw; the user was told and the request answered.</summary>
    public const string Failed = "failed";

    /// <summary>Refused before the turn: method, content type, token, size or shape (4xx), or not ready (503).</summary>
    public const string Refused = "refused";

    /// <summary>An activity type the bot does not handle, answered 200.</summary>
    public const string Ignored = "ignored";

    /// <summary>The caller went away before the answer.</summary>
    public const string Abandoned = "abandoned";
}
