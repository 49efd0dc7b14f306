using System.Diagnostics;

namespace SocialProtection.Bot.TestSupport;

/// <summary>The npm test tools pinned in tools/package-lock.json, and the node that runs them.</summary>
public static class NodeTools
{
    public const string InstallCommand = "npm ci --prefix tools";

    private static readonly Lazy<string> LazyNode = new(FindNode);

    /// <summary>tools/node_modules.</summary>
    public static string NodeModules => Path.Combine(RepoPaths.Tools, "node_modules");

    /// <summary>The node executable on PATH.</summary>
    public static string Node => LazyNode.Value;

    /// <summary>
    /// The absolute path of a file inside tools/node_modules (e.g. "azurite/dist/src/blob/main.js"),
    /// or a clear error naming the install command when the tools are not installed.
    /// </summary>
    public static string RequireFile(string pathUnderNodeModules)
    {
        var path = Path.Combine(NodeModules, pathUnderNodeModules.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{pathUnderNodeModules} is missing from {NodeModules}: install the test tools with `{InstallCommand}` in {RepoPaths.Root}.");
        }

        return path;
    }

    private static string FindNode()
    {
        var name = OperatingSystem.IsWindows() ? "node.exe" : "node";
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"node is not on PATH: install Node.js 20 (the test tools need it), then `{InstallCommand}`.");
    }

    /// <summary>Starts node on a script with arguments passed one by one (no shell quoting), output captured.</summary>
    public static Process Start(string script, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(Node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"node could not start {script}.");
    }
}
