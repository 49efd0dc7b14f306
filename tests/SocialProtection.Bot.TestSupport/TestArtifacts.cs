namespace SocialProtection.Bot.TestSupport;

/// <summary>
/// Where tests keep what a person needs after a failure: server logs, screenshots. scripts/test.sh keeps
/// <c>.artifacts/</c> (CI uploads it); <c>TEST_ARTIFACTS_DIR</c> moves it.
/// </summary>
public static class TestArtifacts
{
    /// <summary>The artifacts root: <c>$TEST_ARTIFACTS_DIR</c>, else <c>{repo}/.artifacts</c>.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepoPaths.Root, ".artifacts");

    /// <summary>A subfolder of <see cref="Root"/> (e.g. "playground", "screenshots"), created if missing.</summary>
    public static string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
}
