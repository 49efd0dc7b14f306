using System.Reflection;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>Where the files under test live, as recorded by the build (see the csproj's AssemblyMetadata).</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string ManifestDirectory => Path.Combine(Root, "manifest");

    public static string ToolsDirectory => Path.Combine(Root, "tools");

    public static string DeploymentTemplates => Path.Combine(Root, "deploymentTemplates");

    public static string BicepExecutable { get; } = Metadata("BicepExecutable");

    public static string SchemaValidator => Path.Combine(Root, "tests", "SocialProtection.Bot.Deployment.Tests", "validate-app-package.mjs");

    static string Metadata(string key) =>
        typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing: build the test project with dotnet build");
}
