using System.IO.Compression;
using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

[Collection(ScriptCollection.Name)]
public sealed class PackagingScriptTests : IDisposable
{
    const string BotId = "0b8f3c52-77d1-4a0e-b2c4-5e6f7a8b9c0d";

    readonly string output = Path.Combine(Path.GetTempPath(), "spbot-packaging-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    JsonObject PackagedManifest()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(output, "appPackage.zip"));
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    [Fact]
    public async Task Without_a_bot_id_it_says_what_is_missing_and_writes_nothing()
    {
        var result = await PackagingScript.RunAsync(["BOT_DOMAIN=spbot.azurewebsites.net", "--output", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BOT_ID is required", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("BOT_ID=not-a-guid", "BOT_DOMAIN=spbot.azurewebsites.net", "BOT_ID must be a GUID")]
    [InlineData("BOT_ID=" + BotId, "BOT_DOMAIN=https://spbot.azurewebsites.net/api/messages", "BOT_DOMAIN must be a host name")]
    [InlineData("BOT_ID=" + BotId, "APP_VERSION=1.0", "BOT_DOMAIN is required")]
    public async Task Wrong_values_are_refused_with_a_clear_message(string first, string second, string message)
    {
        var result = await PackagingScript.RunAsync([first, second, "--output", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_version_Teams_would_reject_is_refused()
    {
        var result = await PackagingScript.RunAsync([$"BOT_ID={BotId}", "BOT_DOMAIN=spbot.azurewebsites.net", "APP_VERSION=1.0", "--output", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("APP_VERSION must be MAJOR.MINOR.PATCH", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_can_come_from_environment_variables_as_in_the_deploy_guide()
    {
        const string teamsAppId = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff";
        var result = await PackagingScript.RunAsync(
            ["--output", output],
            new Dictionary<string, string>
            {
                ["BOT_ID"] = BotId,
                ["BOT_DOMAIN"] = "abc123-3978.asse.devtunnels.ms",
                ["TEAMS_APP_ID"] = teamsAppId,
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        var manifest = PackagedManifest();
        Assert.Equal(teamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("abc123-3978.asse.devtunnels.ms", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("1.0.0", manifest["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Values_with_quotes_and_Thai_text_come_out_exactly_as_given()
    {
        const string developer = "กระทรวง \"พม.\" \\ MSDHS";
        var result = await PackagingScript.RunAsync(
            [$"BOT_ID={BotId}", "BOT_DOMAIN=spbot.azurewebsites.net", $"DEVELOPER_NAME={developer}", "PRIVACY_URL=https://example.go.th/privacy?lang=th&x=\"1\"", "--output", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var manifest = PackagedManifest();
        Assert.Equal(developer, manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://example.go.th/privacy?lang=th&x=\"1\"", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
    }
}
