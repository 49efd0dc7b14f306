using System.Net;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// Rules for the connector base address an activity names: how to join paths to it, how to compare it with the
/// token's <c>serviceurl</c> claim, and which addresses count as this machine.
/// </summary>
public static class ServiceUrl
{
    /// <summary>Parses an absolute http(s) address without credentials, query or fragment; anything else is refused.</summary>
    public static bool TryParse(string? value, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || parsed.UserInfo.Length > 0
            || parsed.Query.Length > 0
            || parsed.Fragment.Length > 0)
        {
            return false;
        }
        uri = parsed;
        return true;
    }

    /// <summary>
    /// True when two service URLs name the same connector: scheme, host and port equal, paths equal up to
    /// case and a trailing slash (the Agents Playground omits it, Teams includes it).
    /// </summary>
    public static bool SameEndpoint(string? a, string? b)
    {
        if (!TryParse(a, out var left) || !TryParse(b, out var right))
        {
            return false;
        }
        return string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(left.IdnHost, right.IdnHost, StringComparison.OrdinalIgnoreCase)
            && left.Port == right.Port
            && string.Equals(left.AbsolutePath.TrimEnd('/'), right.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True for addresses that can only reach this machine: the name "localhost" and loopback IP literals
    /// (127.0.0.0/8, ::1). Other names are never resolved here, so DNS cannot turn them into loopback.
    /// </summary>
    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address);
    }

    /// <summary>Joins the service URL and a path of already-escaped segments with exactly one '/'.</summary>
    public static Uri Combine(Uri serviceUrl, string relativePath)
    {
        var baseText = serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(baseText + "/" + relativePath.TrimStart('/'), UriKind.Absolute);
    }
}
