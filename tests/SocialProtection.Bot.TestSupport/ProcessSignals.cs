using System.Diagnostics;

namespace SocialProtection.Bot.TestSupport;

/// <summary>Graceful stop for child servers: SIGINT first (they flush and free their port), a hard kill if they linger.</summary>
internal static class ProcessSignals
{
    /// <summary>Sends SIGINT, waits up to <paramref name="grace"/>, then kills the process tree. Never throws for an already-exited process.</summary>
    public static async Task InterruptThenKillAsync(Process process, TimeSpan grace)
    {
        if (HasExited(process))
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            await InterruptAsync(process.Id);
        }

        using var graceTimeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(graceTimeout.Token);
            return;
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time: fall through to the hard kill.
        }

        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The shell's own kill builtin: present on every POSIX system, no native interop needed.</summary>
    private static async Task InterruptAsync(int pid)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("kill -INT \"$1\" 2>/dev/null");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(start);
        if (kill is not null)
        {
            await kill.WaitForExitAsync();
        }
    }
}
