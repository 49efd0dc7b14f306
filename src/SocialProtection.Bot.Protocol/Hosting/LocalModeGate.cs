namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>
/// Whether local mode (no app id, no authentication) has been admitted for this process. Closed until
/// <see cref="LocalModeGuard"/> has seen where the server listens, so not one unauthenticated request is handled
/// in the moment between the server binding and the guard refusing to start.
/// </summary>
internal sealed class LocalModeGate
{
    private volatile bool _open;

    public bool IsOpen => _open;

    public void Open() => _open = true;
}
