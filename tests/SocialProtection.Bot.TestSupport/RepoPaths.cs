namespace SocialProtection.Bot.TestSupport;

/// <summary>Finds the repository root from wherever the tests run (bin/Debug/net10.0 of a test project).</summary>
public static class RepoPaths
{
    private const string Marker = "SocialProtection.Bot.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding SocialProtection.Bot.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>tools/: the pinned npm test tools (package.json, package-lock.json, node_modules).</summary>
    public static string Tools => Path.Combine(Root, "tools");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
