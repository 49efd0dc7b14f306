namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>
/// Optional hook, registered in DI, called when a turn's handler throws. The exception is already logged.
/// </summary>
public interface ITurnErrorHandler
{
    /// <summary>
    /// Returns what the user should read, in their language (e.g. "please try again"), or null to say nothing.
    /// For an invoke it becomes the error shown on the card; otherwise it is sent as a message.
    /// </summary>
    Task<string?> OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken);
}
