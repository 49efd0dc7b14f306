using System.Text.Json;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>One request the fake connector received, with the path exactly as sent on the wire.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, TimeSpan ArrivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
