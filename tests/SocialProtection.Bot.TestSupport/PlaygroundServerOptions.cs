namespace SocialProtection.Bot.TestSupport;

/// <summary>How to start a <see cref="PlaygroundServer"/>.</summary>
/// <param name="BotEndpoint">The bot's messaging endpoint on loopback, e.g. <c>http://127.0.0.1:5123/api/messages</c>.</param>
public sealed record PlaygroundServerOptions(Uri BotEndpoint)
{
    /// <summary>Ids and names to configure; a fresh <see cref="PlaygroundTenant.CreateRandom"/> when null.</summary>
    public PlaygroundTenant? Tenant { get; init; }

    /// <summary>How long to wait for <c>Listening on</c> and for the ping (each). Generous: CI has 2 busy cores.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Write the Playground's recording of every HTTP exchange (headers, bodies, statuses) next to its log in
    /// .artifacts/playground/: its log file has payloads only while no WebSocket client is connected.
    /// </summary>
    public bool RecordEvents { get; init; } = true;
}
