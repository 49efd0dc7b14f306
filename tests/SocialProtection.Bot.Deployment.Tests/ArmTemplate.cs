using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>deploymentTemplates/azuredeploy.json, read as the plain JSON Azure Resource Manager receives.</summary>
public sealed class ArmTemplate
{
    public static string TemplatePath => Path.Combine(RepositoryLayout.DeploymentTemplates, "azuredeploy.json");

    public static string ParametersPath => Path.Combine(RepositoryLayout.DeploymentTemplates, "azuredeploy.parameters.json");

    public static string BicepPath => Path.Combine(RepositoryLayout.DeploymentTemplates, "main.bicep");

    public string Text { get; } = File.ReadAllText(TemplatePath);

    public JsonObject Root => JsonNode.Parse(Text)!.AsObject();

    public JsonObject Parameters => Root["parameters"]!.AsObject();

    public JsonArray Resources => Root["resources"]!.AsArray();

    public JsonObject Resource(string type) =>
        Assert.Single(Resources, r => r!["type"]!.GetValue<string>() == type)!.AsObject();

    /// <summary>Every resource of <paramref name="type"/> (e.g. the role assignments, one per role and scope).</summary>
    public IReadOnlyList<JsonObject> ResourcesOf(string type) =>
        [.. Resources.Where(r => r!["type"]!.GetValue<string>() == type).Select(r => r!.AsObject())];

    /// <summary>The web app's app settings as name → ARM expression or literal value.</summary>
    public IReadOnlyDictionary<string, string> AppSettings =>
        Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());
}
