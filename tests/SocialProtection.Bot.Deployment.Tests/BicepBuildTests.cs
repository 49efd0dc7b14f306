using System.Text.Json.Nodes;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>main.bicep is the source; azuredeploy.json must be exactly what the Bicep CLI builds from it.</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Committed_ARM_template_is_what_main_bicep_builds_to_without_warnings()
    {
        var result = await ChildProcess.RunAsync(RepositoryLayout.BicepExecutable, ["build", ArmTemplate.BicepPath, "--stdout"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim().Length == 0, $"bicep reported: {result.StandardError}");
        var built = JsonNode.Parse(result.StandardOutput);
        var committed = JsonNode.Parse(File.ReadAllText(ArmTemplate.TemplatePath));
        Assert.True(
            JsonNode.DeepEquals(built, committed),
            "deploymentTemplates/azuredeploy.json is stale: run bicep build deploymentTemplates/main.bicep --outfile deploymentTemplates/azuredeploy.json");
    }

    [Fact]
    public async Task Bicep_linter_finds_nothing()
    {
        var result = await ChildProcess.RunAsync(RepositoryLayout.BicepExecutable, ["lint", ArmTemplate.BicepPath]);

        Assert.True(result.ExitCode == 0 && result.StandardError.Trim().Length == 0 && result.StandardOutput.Trim().Length == 0, result.ToString());
    }
}
