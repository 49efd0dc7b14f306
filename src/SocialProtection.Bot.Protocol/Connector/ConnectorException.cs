using System.Net;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// A Bot Connector call failed. <see cref="StatusCode"/> lets callers react: 403 (the app was uninstalled or the
/// user never installed it), 404 (conversation or activity gone), 413 (message too big: shrink or split),
/// 429 (throttled: see <see cref="RetryAfter"/>). It is null when no answer came (timeout, network failure)
/// or when the call was refused before it was made (see <see cref="ErrorCode"/>).
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>The call was not made: the service URL is malformed or not allowed (e.g. a remote host while no app id is configured).</summary>
    public const string ServiceUrlRefused = "ServiceUrlRefused";

    /// <summary>No answer within the time allowed, after retries.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The connector could not be reached, after retries.</summary>
    public const string Unreachable = "Unreachable";

    public ConnectorException(string message, HttpStatusCode? statusCode, string? errorCode, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public ConnectorException()
        : this("The Bot Connector call failed.", null, null)
    {
    }

    public ConnectorException(string message)
        : this(message, null, null)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : this(message, null, null, null, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The connector's error code (e.g. "ConversationNotFound", "MessageSizeTooBig") or one of this class's constants.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the connector asked us to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
