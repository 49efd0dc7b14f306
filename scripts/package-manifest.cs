// Builds the Teams app package: fills the ${{NAME}} placeholders of manifest/manifest.json and its
// localization files, then zips manifest.json, the two icons and the localization files at the root
// of <output>/appPackage.zip (default output: manifest/build/).
//
//   dotnet run scripts/package-manifest.cs -- BOT_ID=<guid> BOT_DOMAIN=<host> [APP_VERSION=1.0.0] [--output DIR]
//
// Values come from NAME=VALUE arguments or, failing that, from environment variables of the same name.
// Only the SDK is needed (no node, no zip tool), so it runs the same in Cloud Shell, Linux, macOS and Windows.
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

try
{
    var options = PackageOptions.Parse(args, Environment.GetEnvironmentVariables());
    var package = AppPackageBuilder.Build(options);
    Console.WriteLine($"Teams app package: {package}");
    return 0;
}
catch (PackagingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

/// <summary>A problem the person running the script can fix; printed without a stack trace.</summary>
sealed class PackagingException(string message) : Exception(message);

/// <summary>The placeholder values and the folders, checked before anything is written.</summary>
sealed record PackageOptions(string ManifestDirectory, string OutputDirectory, IReadOnlyDictionary<string, string> Values)
{
    const string Usage = "usage: dotnet run scripts/package-manifest.cs -- BOT_ID=<guid> BOT_DOMAIN=<host name> [APP_VERSION=1.0.0] [TEAMS_APP_ID=<guid>] [DEVELOPER_NAME=...] [DEVELOPER_WEBSITE_URL=https://...] [PRIVACY_URL=https://...] [TERMS_OF_USE_URL=https://...] [--manifest DIR] [--output DIR]";

    static readonly string[] Names =
        ["BOT_ID", "BOT_DOMAIN", "APP_VERSION", "TEAMS_APP_ID", "DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "PRIVACY_URL", "TERMS_OF_USE_URL"];

    static readonly Regex Guid = new("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

    // A DNS host name, optionally with a port (dev tunnels and local runs use one); no scheme, no path.
    static readonly Regex HostName = new(@"^(?=.{1,253}(:|$))([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z0-9-]{2,63}(:[0-9]{1,5})?$", RegexOptions.CultureInvariant);

    // The Teams schema's semver pattern: MAJOR.MINOR.PATCH, no leading zeros.
    static readonly Regex SemVer = new(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);

    public static PackageOptions Parse(string[] args, System.Collections.IDictionary environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? manifestDirectory = null;
        string? outputDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--output" or "--manifest")
            {
                if (i + 1 >= args.Length)
                {
                    throw new PackagingException($"{arg} needs a folder.\n{Usage}");
                }
                if (arg == "--output")
                {
                    outputDirectory = args[++i];
                }
                else
                {
                    manifestDirectory = args[++i];
                }
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : "";
            if (!Names.Contains(name))
            {
                throw new PackagingException($"unknown argument '{arg}'.\n{Usage}");
            }
            given[name] = arg[(equals + 1)..].Trim();
        }
        foreach (var name in Names)
        {
            if (!given.ContainsKey(name) && environment[name] is string fromEnvironment && fromEnvironment.Trim().Length > 0)
            {
                given[name] = fromEnvironment.Trim();
            }
        }

        var botId = Require(given, "BOT_ID", "the bot's Microsoft App ID (for the Azure deployment: the managed identity's client id)");
        if (!Guid.IsMatch(botId))
        {
            throw new PackagingException($"BOT_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, got '{botId}'.");
        }
        var domain = Require(given, "BOT_DOMAIN", "the host name that serves /api/messages, e.g. spbot-abc123.azurewebsites.net");
        if (!HostName.IsMatch(domain))
        {
            throw new PackagingException($"BOT_DOMAIN must be a host name without scheme or path, e.g. spbot-abc123.azurewebsites.net, got '{domain}'.");
        }
        var version = given.GetValueOrDefault("APP_VERSION", "1.0.0");
        if (!SemVer.IsMatch(version))
        {
            throw new PackagingException($"APP_VERSION must be MAJOR.MINOR.PATCH such as 1.0.0, got '{version}'. Raise it each time you upload a changed package.");
        }
        var appId = given.GetValueOrDefault("TEAMS_APP_ID", botId);
        if (!Guid.IsMatch(appId))
        {
            throw new PackagingException($"TEAMS_APP_ID must be a GUID, got '{appId}'.");
        }
        var developerName = given.GetValueOrDefault("DEVELOPER_NAME", "SocialProtection.Bot");
        if (developerName.Length is 0 or > 32)
        {
            throw new PackagingException($"DEVELOPER_NAME must be 1 to 32 characters, got {developerName.Length}.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BOT_ID"] = botId,
            ["BOT_DOMAIN"] = domain,
            ["APP_VERSION"] = version,
            ["TEAMS_APP_ID"] = appId,
            ["DEVELOPER_NAME"] = developerName,
            ["DEVELOPER_WEBSITE_URL"] = HttpsUrl(given, "DEVELOPER_WEBSITE_URL", $"https://{domain}/"),
            ["PRIVACY_URL"] = HttpsUrl(given, "PRIVACY_URL", $"https://{domain}/privacy"),
            ["TERMS_OF_USE_URL"] = HttpsUrl(given, "TERMS_OF_USE_URL", $"https://{domain}/terms"),
        };

        var manifest = Path.GetFullPath(manifestDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "manifest"));
        if (!File.Exists(Path.Combine(manifest, "manifest.json")))
        {
            throw new PackagingException($"no manifest.json in {manifest}: run from the repository root or pass --manifest DIR.");
        }
        var output = Path.GetFullPath(outputDirectory ?? Path.Combine(manifest, "build"));
        return new PackageOptions(manifest, output, values);
    }

    static string Require(Dictionary<string, string> given, string name, string what) =>
        given.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new PackagingException($"{name} is required: {what}. Pass {name}=... or set the environment variable.\n{Usage}");

    static string HttpsUrl(Dictionary<string, string> given, string name, string fallback)
    {
        var value = given.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? value
            : throw new PackagingException($"{name} must be an https:// URL, got '{value}'.");
    }
}

/// <summary>Fills the templates, writes them and the icons to the output folder, and zips them.</summary>
static class AppPackageBuilder
{
    public const string PackageFileName = "appPackage.zip";

    static readonly Regex Placeholder = new(@"\$\{\{([A-Z0-9_]+)\}\}", RegexOptions.CultureInvariant);

    public static string Build(PackageOptions options)
    {
        var manifestText = Fill(options, "manifest.json");
        var manifest = ParseObject(manifestText, "manifest.json");

        // The package holds exactly what the manifest points at: the two icons and each localization file.
        var icons = manifest["icons"] as JsonObject ?? throw new PackagingException("manifest.json has no icons object.");
        var iconFiles = new[] { RelativeFile(icons, "color"), RelativeFile(icons, "outline") };
        var localizationFiles = new List<string>();
        if (manifest["localizationInfo"] is JsonObject localization)
        {
            if (localization["defaultLanguageFile"] is not null)
            {
                localizationFiles.Add(RelativeFile(localization, "defaultLanguageFile"));
            }
            foreach (var language in localization["additionalLanguages"] as JsonArray ?? [])
            {
                localizationFiles.Add(RelativeFile(language as JsonObject ?? throw new PackagingException("localizationInfo.additionalLanguages holds a non-object."), "file"));
            }
        }

        var contents = new List<(string Name, byte[] Bytes)> { ("manifest.json", Utf8(manifestText)) };
        foreach (var file in localizationFiles)
        {
            var text = Fill(options, file);
            ParseObject(text, file);
            contents.Add((file, Utf8(text)));
        }
        foreach (var file in iconFiles)
        {
            var path = Path.Combine(options.ManifestDirectory, file);
            if (!File.Exists(path))
            {
                throw new PackagingException($"icon {file} named in manifest.json is missing from {options.ManifestDirectory} (dotnet run scripts/generate-icons.cs draws them).");
            }
            contents.Add((file, File.ReadAllBytes(path)));
        }
        var duplicate = contents.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PackagingException($"manifest.json names {duplicate.Key} twice.");
        }

        Directory.CreateDirectory(options.OutputDirectory);
        foreach (var (name, bytes) in contents)
        {
            File.WriteAllBytes(Path.Combine(options.OutputDirectory, name), bytes);
        }
        var packagePath = Path.Combine(options.OutputDirectory, PackageFileName);
        var temporary = packagePath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in contents)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }
        File.Move(temporary, packagePath, overwrite: true);
        return packagePath;
    }

    static string Fill(PackageOptions options, string file)
    {
        var path = Path.Combine(options.ManifestDirectory, file);
        if (!File.Exists(path))
        {
            throw new PackagingException($"{file} is missing from {options.ManifestDirectory}.");
        }
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var filled = Placeholder.Replace(File.ReadAllText(path), match =>
        {
            if (options.Values.TryGetValue(match.Groups[1].Value, out var value))
            {
                // Placeholders sit inside JSON strings: escape the value as JSON string content.
                return JsonEncodedText.Encode(value).ToString();
            }
            unknown.Add(match.Value);
            return match.Value;
        });
        return unknown.Count == 0
            ? filled
            : throw new PackagingException($"{file} uses placeholders this script does not know: {string.Join(", ", unknown)}.");
    }

    static JsonObject ParseObject(string text, string file)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new PackagingException($"{file} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new PackagingException($"{file} is not valid JSON after filling placeholders: {e.Message}");
        }
    }

    // Teams reads files from the root of the zip, so a path with folders would point nowhere.
    static string RelativeFile(JsonObject owner, string property)
    {
        var value = owner[property]?.GetValue<string>();
        return value is { Length: > 0 } && value == Path.GetFileName(value) && !value.Contains('\\', StringComparison.Ordinal)
            ? value
            : throw new PackagingException($"'{property}' in manifest.json must be a file name at the package root, got '{value}'.");
    }

    static byte[] Utf8(string text) => new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
