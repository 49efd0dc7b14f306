using System.Text.RegularExpressions;

namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>docs/deploy.md is followed word for word by organisers: what it names must exist.</summary>
public sealed partial class DeployGuideTests
{
    static readonly string Guide = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "deploy.md"));

    readonly ArmTemplate template = new();

    [GeneratedRegex(@"(?<![\w/.-])((?:deploymentTemplates|scripts|manifest|src|docs)/[\w./-]+?)(?=[`""\s)]|$)", RegexOptions.Multiline)]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\$\(output (\w+)\)|`output (\w+)`")]
    private static partial Regex TemplateOutput();

    [GeneratedRegex(@"^\| `([A-Za-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableKey();

    [Fact]
    public void Every_file_the_guide_names_is_in_the_repository()
    {
        var generated = new[] { "manifest/build/", ".artifacts/" };
        var paths = RepositoryPath().Matches(Guide).Select(m => m.Groups[1].Value.TrimEnd('.')).Distinct().ToList();

        Assert.NotEmpty(paths);
        Assert.All(
            paths.Where(p => !generated.Any(g => p.StartsWith(g, StringComparison.Ordinal))),
            path => Assert.True(File.Exists(Path.Combine(RepositoryLayout.Root, path)) || Directory.Exists(Path.Combine(RepositoryLayout.Root, path)), $"docs/deploy.md names {path}, which does not exist"));
    }

    [Fact]
    public void Every_deployment_output_the_guide_reads_exists()
    {
        var outputs = template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();
        var used = TemplateOutput().Matches(Guide).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct().ToList();

        Assert.Contains("botAppId", used);
        Assert.Contains("webAppHostName", used);
        Assert.All(used, name => Assert.Contains(name, outputs));
    }

    [Fact]
    public void App_settings_table_lists_exactly_what_the_template_sets()
    {
        var listed = TableKey().Matches(Guide).Select(m => m.Groups[1].Value)
            .Where(key => key.StartsWith("Microsoft", StringComparison.Ordinal) || key.Contains("__", StringComparison.Ordinal));

        Assert.Equal(template.AppSettings.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parameters_the_guide_overrides_are_declared_by_the_template()
    {
        Assert.Contains("namePrefix=", Guide, StringComparison.Ordinal);
        foreach (var name in new[] { "namePrefix", "appServicePlanSku" })
        {
            Assert.Contains($"{name}=", Guide, StringComparison.Ordinal);
            Assert.True(template.Parameters.ContainsKey(name), name);
        }
    }

    [Fact]
    public void The_local_run_uses_the_settings_the_bot_reads_with_a_secret_kept_out_of_the_repository()
    {
        foreach (var key in new[] { "MicrosoftAppType SingleTenant", "MicrosoftAppId ", "MicrosoftAppTenantId ", "MicrosoftAppPassword " })
        {
            Assert.Contains($"dotnet user-secrets set {key}", Guide, StringComparison.Ordinal);
        }
        Assert.Contains("devtunnel host -p 3978 --allow-anonymous", Guide, StringComparison.Ordinal);
    }
}
