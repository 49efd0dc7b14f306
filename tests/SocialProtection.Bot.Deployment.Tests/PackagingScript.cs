namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>Runs scripts/package-manifest.cs as the deployment guide tells an organiser to.</summary>
public static class PackagingScript
{
    static readonly string[] InputVariables =
        ["BOT_ID", "BOT_DOMAIN", "APP_VERSION", "TEAMS_APP_ID", "DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "PRIVACY_URL", "TERMS_OF_USE_URL"];

    /// <summary>Runs the script with the given NAME=VALUE arguments and environment; the caller's own environment never leaks in.</summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var childEnvironment = InputVariables.ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            childEnvironment[name] = value;
        }
        return ChildProcess.RunAsync("dotnet", ["run", "scripts/package-manifest.cs", "--", .. arguments], childEnvironment);
    }
}
