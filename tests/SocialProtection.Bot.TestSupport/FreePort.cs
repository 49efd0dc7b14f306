using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Hands out TCP ports for servers that tests start on loopback.
/// </summary>
/// <remarks>
/// Ports come from 20000–32767: below Linux's ephemeral range (32768–60999), so an outgoing connection of
/// some other process cannot take the port between this check and the server's bind (the Agents
/// Playground silently moves to a random port when its port is taken). A port is never handed out twice
/// by one test process, and it is checked free on every interface (IPv4 and IPv6) because some servers
/// bind all interfaces. Another process can still take it in between: servers must fail or retry when
/// their bind does not give them the port they asked for.
/// </remarks>
public static class FreePort
{
    private const int LowestPort = 20000;
    private const int HighestPort = 32767;
    private const int MaxAttempts = 200;

    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>A port below 32768 that nothing listened on a moment ago and that this process has not handed out before.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(LowestPort, HighestPort + 1);
            if (IsFree(port) && HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }

        throw new InvalidOperationException(
            $"No free TCP port found in {LowestPort}–{HighestPort} after {MaxAttempts} attempts.");
    }

    /// <summary>True when a server could bind <paramref name="port"/> on all interfaces right now.</summary>
    public static bool IsFree(int port)
    {
        return CanBind(IPAddress.Any, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Any, port));
    }

    private static bool CanBind(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = false;
        }

        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(1);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
