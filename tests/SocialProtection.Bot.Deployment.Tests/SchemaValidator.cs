using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>Runs validate-app-package.mjs: Microsoft's schemas from npm @microsoft/app-manifest, through node.</summary>
public static class SchemaValidator
{
    public sealed record Report(int ExitCode, string ManifestVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors, string Raw);

    public static async Task<Report> ValidateAsync(string unpackedPackage)
    {
        var result = await ChildProcess.RunAsync("node", [RepositoryLayout.SchemaValidator, unpackedPackage, RepositoryLayout.ToolsDirectory]);
        if (result.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"the schema validator could not run: {result}");
        }
        var json = JsonNode.Parse(result.StandardOutput)!.AsObject();
        var errors = json["errors"]!.AsObject().ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value!.AsArray().Select(e => e!.GetValue<string>()).ToList());
        return new Report(result.ExitCode, json["manifestVersion"]!.GetValue<string>(), errors, result.StandardOutput);
    }
}
