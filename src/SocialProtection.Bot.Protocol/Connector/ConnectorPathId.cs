namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>
/// Ids that go into connector URL paths. Escaping keeps "/" inside one segment, but "." and ".." are left as they are
/// and would be read as dot segments, collapsing the path (<c>conversations/../activities</c> is <c>activities</c>).
/// No Teams or Bot Framework id is ever just dots, so such an id is refused.
/// </summary>
public static class ConnectorPathId
{
    /// <summary>True for "." and "..": ids that would turn into dot segments.</summary>
    public static bool IsDotSegment(string? id) => id is "." or "..";

    /// <summary>The id as one escaped path segment; a blank or dot-segment id is an <see cref="ArgumentException"/>.</summary>
    public static string Escape(string id, string paramName = "id")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (IsDotSegment(id))
        {
            throw new ArgumentException("An id of \".\" or \"..\" would collapse the connector path.", paramName);
        }
        return Uri.EscapeDataString(id);
    }
}
