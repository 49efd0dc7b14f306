using System.Net.Sockets;
using System.Xml;
using Azure;
using Azure.Identity;

namespace SocialProtection.Bot.Storage;

/// <summary>Which failures of a Blob Storage call mean "storage is not there" (the store and its leases answer the same).</summary>
internal static class BlobFailures
{
    /// <summary>Anything but the caller's own cancellation and the store's contract exceptions.</summary>
    public static bool IsUnavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        // XmlException: the SDK could not read an error reply's body (a front end or proxy answering 503 with an empty
        // or broken XML body); the request failed all the same.
        RequestFailedException or AggregateException or HttpRequestException or IOException
            or SocketException or TimeoutException or AuthenticationFailedException or XmlException => true,
        _ => false,
    };
}
