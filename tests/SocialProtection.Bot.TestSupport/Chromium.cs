namespace SocialProtection.Bot.TestSupport;

/// <summary>Debian's Chromium, which the browser tests drive (never a browser downloaded by Playwright).</summary>
public static class Chromium
{
    /// <summary>The Chromium executable: <c>$CHROMIUM_PATH</c>, else <c>chromium</c> or <c>chromium-browser</c> on PATH; null when absent.</summary>
    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { Path.Combine(directory, "chromium"), Path.Combine(directory, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }

    /// <summary>True when the CI system runs us (it sets <c>CI=true</c>): missing tools are then failures, never skips.</summary>
    public static bool RunningInCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci &&
        (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
