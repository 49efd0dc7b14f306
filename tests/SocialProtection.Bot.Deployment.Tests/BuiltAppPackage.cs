using System.IO.Compression;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>
/// The app package built once for the whole test run, from known values, and unpacked: tests read what
/// Teams would read, the files inside appPackage.zip.
/// </summary>
public sealed class BuiltAppPackage : IAsyncLifetime
{
    public const string BotId = "6d1f0c8e-3b7a-4f2e-9a51-0c2d4e6f8a90";
    public const string BotDomain = "spbot-test123.azurewebsites.net";
    public const string AppVersion = "2.3.4";

    readonly string root = Path.Combine(Path.GetTempPath(), "spbot-app-package-" + Guid.NewGuid().ToString("N"));

    public string OutputDirectory => Path.Combine(root, "build");

    public string PackagePath => Path.Combine(OutputDirectory, "appPackage.zip");

    public string UnpackedDirectory => Path.Combine(root, "unpacked");

    public ProcessResult Packaging { get; private set; } = new(-1, "", "");

    public IReadOnlyList<string> EntryNames { get; private set; } = [];

    public JsonObject Manifest { get; private set; } = [];

    public JsonObject English { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Packaging = await PackagingScript.RunAsync(
            [$"BOT_ID={BotId}", $"BOT_DOMAIN={BotDomain}", $"APP_VERSION={AppVersion}", "--output", OutputDirectory]);
        if (Packaging.ExitCode != 0)
        {
            throw new InvalidOperationException($"packaging failed: {Packaging}");
        }
        using (var zip = ZipFile.OpenRead(PackagePath))
        {
            EntryNames = zip.Entries.Select(e => e.FullName).ToList();
        }
        ZipFile.ExtractToDirectory(PackagePath, UnpackedDirectory);
        Manifest = ReadObject("manifest.json");
        English = ReadObject("en.json");
    }

    public JsonObject ReadObject(string fileInPackage) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(UnpackedDirectory, fileInPackage))) as JsonObject
        ?? throw new InvalidOperationException($"{fileInPackage} is not a JSON object");

    public string ReadText(string fileInPackage) => File.ReadAllText(Path.Combine(UnpackedDirectory, fileInPackage));

    public Task DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        return Task.CompletedTask;
    }
}
