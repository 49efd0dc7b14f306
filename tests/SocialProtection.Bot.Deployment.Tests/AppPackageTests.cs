using System.Globalization;

namespace SocialProtection.Bot.Deployment.Tests;

[Collection(ScriptCollection.Name)]
public sealed class AppPackageTests(BuiltAppPackage package)
{
    [Fact]
    public void Package_holds_exactly_the_manifest_the_icons_and_the_English_strings_at_its_root()
    {
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], package.EntryNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_placeholder_is_filled_with_the_given_values()
    {
        foreach (var file in package.EntryNames.Where(name => name.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("${{", package.ReadText(file), StringComparison.Ordinal);
        }
        var manifest = package.Manifest;
        Assert.Equal(BuiltAppPackage.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(BuiltAppPackage.BotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BuiltAppPackage.AppVersion, manifest["version"]!.GetValue<string>());
        Assert.Equal([BuiltAppPackage.BotDomain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith($"https://{BuiltAppPackage.BotDomain}/", manifest["developer"]![url]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Package_is_valid_against_Microsofts_schema_for_its_manifest_version()
    {
        var report = await SchemaValidator.ValidateAsync(package.UnpackedDirectory);

        Assert.True(report.ExitCode == 0, report.Raw);
        Assert.Equal(["en.json", "manifest.json"], report.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Errors.Values, Assert.Empty);
        var version = Version.Parse(report.ManifestVersion);
        Assert.True(version >= new Version(1, 17), $"manifest version {version} is older than 1.17");
    }

    [Fact]
    public async Task Schema_validation_catches_what_Teams_would_refuse()
    {
        var broken = Path.Combine(Path.GetTempPath(), "spbot-broken-package-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(broken);
        try
        {
            foreach (var file in Directory.GetFiles(package.UnpackedDirectory))
            {
                File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
            }
            var manifest = package.ReadObject("manifest.json");
            manifest["name"]!["short"] = new string('x', 31);
            manifest["bots"]![0]!.AsObject().Remove("botId");
            File.WriteAllText(Path.Combine(broken, "manifest.json"), manifest.ToJsonString());
            var english = package.ReadObject("en.json");
            english["bots[0].commandLists[0].commands[0].titel"] = "help";
            File.WriteAllText(Path.Combine(broken, "en.json"), english.ToJsonString());

            var report = await SchemaValidator.ValidateAsync(broken);

            Assert.Equal(1, report.ExitCode);
            Assert.Contains(report.Errors["manifest.json"], e => e.StartsWith("/name/short", StringComparison.Ordinal));
            Assert.Contains(report.Errors["manifest.json"], e => e.Contains("botId", StringComparison.Ordinal));
            Assert.Contains(report.Errors["en.json"], e => e.Contains("titel", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Fact]
    public void Manifest_declares_a_current_schema_and_both_languages()
    {
        var manifest = package.Manifest;
        var version = manifest["manifestVersion"]!.GetValue<string>();
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        Assert.True(decimal.Parse(version, CultureInfo.InvariantCulture) >= 1.17m);
        var localization = manifest["localizationInfo"]!.AsObject();
        Assert.Equal("th", localization["defaultLanguageTag"]!.GetValue<string>());
        var additional = Assert.Single(localization["additionalLanguages"]!.AsArray());
        Assert.Equal("en", additional!["languageTag"]!.GetValue<string>());
        Assert.Equal("en.json", additional["file"]!.GetValue<string>());
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.Localization.schema.json",
            package.English["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_is_offered_in_personal_chat_teams_and_group_chats()
    {
        var bot = Assert.Single(package.Manifest["bots"]!.AsArray())!.AsObject();
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.False(bot["isNotificationOnly"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public void English_strings_cover_every_string_a_person_reads_in_the_manifest()
    {
        var manifest = package.Manifest;
        var readable = new List<string> { "name.short", "name.full", "description.short", "description.full" };
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                readable.Add($"bots[0].commandLists[{list}].commands[{command}].title");
                readable.Add($"bots[0].commandLists[{list}].commands[{command}].description");
            }
        }

        var english = package.English;
        Assert.All(readable, key => Assert.False(string.IsNullOrWhiteSpace(english[key]?.GetValue<string>()), $"en.json lacks {key}"));
        // Nothing in en.json points at a string the manifest does not have.
        Assert.All(english.Select(p => p.Key).Where(k => k != "$schema"), key => Assert.Contains(key, readable));
        // The full description names the method in Thai on purpose (ถอดบทเรียน); everything else is English only.
        Assert.All(readable.Where(k => k != "description.full"), key => Assert.False(ThaiText.Contains(english[key]!.GetValue<string>()), $"en.json {key} is in Thai"));
    }
}
