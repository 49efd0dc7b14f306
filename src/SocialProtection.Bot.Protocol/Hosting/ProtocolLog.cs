using Microsoft.Extensions.Logging;
using SocialProtection.Bot.Protocol.Authentication;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>The endpoint's log lines: activity types, statuses and reasons only, never names, ids or text.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "No MicrosoftAppId is configured: /api/messages accepts unauthenticated requests and the bot only calls loopback service URLs. Use this only for local development.")]
    public static partial void LocalModeWarning(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Request refused with {Status}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Authentication failed: {Failure} {Detail}")]
    public static partial void AuthenticationFailed(ILogger logger, AuthenticationFailure failure, string? detail);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Activity of unhandled type ignored")]
    public static partial void ActivityIgnored(ILogger logger);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Turn {ActivityType} {InvokeName} answered {Status} in {ElapsedMs} ms")]
    public static partial void TurnCompleted(ILogger logger, string activityType, string? invokeName, int status, long elapsedMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Turn {ActivityType} {InvokeName} failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType, string? invokeName);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Telling the user about a failed turn failed too")]
    public static partial void TurnErrorReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Turn {ActivityType} abandoned: the caller went away")]
    public static partial void TurnAbandoned(ILogger logger, string activityType);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "No IActivityHandler is registered; /api/messages cannot handle turns")]
    public static partial void NoHandler(ILogger logger);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Request abandoned: the caller went away before it was read or answered")]
    public static partial void RequestAbandoned(ILogger logger);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "The messages endpoint failed outside the turn")]
    public static partial void EndpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "The handler answered an invoke with the invalid status {Status}")]
    public static partial void InvalidInvokeStatus(ILogger logger, int status);
}
