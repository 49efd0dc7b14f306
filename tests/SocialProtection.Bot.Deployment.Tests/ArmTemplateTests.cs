using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialProtection.Bot.Deployment.Tests;

public sealed partial class ArmTemplateTests
{
    readonly ArmTemplate template = new();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersion();

    [Fact]
    public void Template_creates_every_resource_the_bot_needs_each_with_a_stable_api_version()
    {
        var types = template.Resources.Select(r => r!["type"]!.GetValue<string>()).ToList();

        Assert.Equal(
            [
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.BotService/botServices",
                "Microsoft.BotService/botServices/channels",
                "Microsoft.KeyVault/vaults",
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/blobServices",
                "Microsoft.Storage/storageAccounts/blobServices/containers",
                "Microsoft.Web/serverfarms",
                "Microsoft.Web/sites",
            ],
            types.Order(StringComparer.Ordinal));
        Assert.All(template.Resources, r =>
        {
            var version = r!["apiVersion"]?.GetValue<string>() ?? "";
            Assert.Matches(ApiVersion(), version);
            Assert.DoesNotContain("preview", version, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_parameter_is_used_and_the_parameters_file_sets_only_declared_ones()
    {
        var declared = template.Parameters.Select(p => p.Key).ToList();
        var body = template.Root.DeepClone().AsObject();
        body.Remove("parameters");
        // Relaxed escaping keeps the quotes of parameters('…') as they are in the file.
        var usedText = body.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(declared, name => Assert.Contains($"parameters('{name}')", usedText, StringComparison.Ordinal));

        var file = JsonNode.Parse(File.ReadAllText(ArmTemplate.ParametersPath))!["parameters"]!.AsObject();
        Assert.All(file, pair =>
        {
            Assert.Contains(pair.Key, declared);
            var allowed = template.Parameters[pair.Key]!["allowedValues"]?.AsArray().Select(v => v!.ToJsonString()).ToList();
            if (allowed is not null)
            {
                Assert.Contains(pair.Value!["value"]!.ToJsonString(), allowed);
            }
        });
        // A parameter without a default must be in the file, or the guide's deploy command would prompt.
        Assert.All(template.Parameters.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(file.ContainsKey(p.Key), p.Key));
        Assert.Equal("southeastasia", file["location"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Web_app_runs_dotnet_10_on_Linux_over_HTTPS_only_and_always_on()
    {
        var plan = template.Resource("Microsoft.Web/serverfarms");
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>(), "a Linux plan is 'reserved'");
        var site = template.Resource("Microsoft.Web/sites");
        Assert.Equal("app,linux", site["kind"]!.GetValue<string>());
        var properties = site["properties"]!;
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        var config = properties["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]!.GetValue<string>());
        Assert.Equal("/healthz", config["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Web_app_starts_the_host_that_dotnet_publish_produces()
    {
        var command = template.Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appCommandLine"]!.GetValue<string>();
        var project = Path.Combine(RepositoryLayout.Root, "src", "SocialProtection.Bot.Host", "SocialProtection.Bot.Host.csproj");

        Assert.True(File.Exists(project), $"{project} is gone: update appCommandLine in main.bicep");
        Assert.DoesNotContain("<AssemblyName>", File.ReadAllText(project), StringComparison.Ordinal);
        Assert.Equal("dotnet SocialProtection.Bot.Host.dll", command);
    }

    [Fact]
    public void Storage_accepts_only_TLS_1_2_and_Entra_ID_with_no_public_blobs()
    {
        var account = template.Resource("Microsoft.Storage/storageAccounts");
        Assert.Equal("StorageV2", account["kind"]!.GetValue<string>());
        var properties = account["properties"]!;
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        var container = template.Resource("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
        Assert.Contains("parameters('containerName')", container["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_identity_holds_Storage_Blob_Data_Contributor_on_the_account()
    {
        var assignment = Assert.Single(
            template.ResourcesOf("Microsoft.Authorization/roleAssignments"),
            r => r["scope"]!.GetValue<string>().Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        var properties = assignment["properties"]!;
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", template.Text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Authorization/roleDefinitions", properties["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", properties["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith(".principalId]", properties["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", properties["principalType"]!.GetValue<string>());
    }

    [Fact]
    public void Azure_Bot_uses_the_managed_identity_and_posts_to_the_web_apps_messages_endpoint()
    {
        var bot = template.Resource("Microsoft.BotService/botServices");
        Assert.Equal("azurebot", bot["kind"]!.GetValue<string>());
        Assert.Equal(["F0", "S1"], template.Parameters["botSku"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("[parameters('botSku')]", bot["sku"]!["name"]!.GetValue<string>());
        var properties = bot["properties"]!;
        Assert.Equal("UserAssignedMSI", properties["msaAppType"]!.GetValue<string>());
        // One identity everywhere: the bot's app id is the id the web app signs in with and storage trusts.
        var settings = template.AppSettings;
        Assert.Equal(settings["MicrosoftAppId"], properties["msaAppId"]!.GetValue<string>());
        Assert.Equal(settings["MicrosoftAppId"], settings["Storage__ManagedIdentityClientId"]);
        Assert.Equal(settings["MicrosoftAppTenantId"], properties["msaAppTenantId"]!.GetValue<string>());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", properties["msaAppMSIResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        var endpoint = properties["endpoint"]!.GetValue<string>();
        Assert.StartsWith("[format('https://{0}/api/messages', reference(resourceId('Microsoft.Web/sites'", endpoint, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName)]", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_channel_is_enabled()
    {
        var channel = template.Resource("Microsoft.BotService/botServices/channels");
        Assert.EndsWith("'MsTeamsChannel')]", channel["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", channel["properties"]!["channelName"]!.GetValue<string>());
        Assert.True(channel["properties"]!["properties"]!["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Template_holds_no_secret_and_hands_out_no_key()
    {
        Assert.All(template.Parameters, p =>
        {
            var type = p.Value!["type"]!.GetValue<string>();
            Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) && p.Value["defaultValue"] is not null, $"{p.Key} has a default secret");
        });
        foreach (var forbidden in new[] { "listKeys", "listkeys", "AccountKey=", "ConnectionString", "Password", "password", "secret" })
        {
            Assert.DoesNotContain(forbidden, template.Text, StringComparison.Ordinal);
        }
        var parametersFile = File.ReadAllText(ArmTemplate.ParametersPath);
        Assert.DoesNotContain("password", parametersFile, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", parametersFile, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_key_vault_is_reached_by_Azure_roles_only_and_the_identity_may_read_the_data_protection_certificate()
    {
        var vault = template.Resource("Microsoft.KeyVault/vaults");
        var properties = vault["properties"]!;
        Assert.True(properties["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(properties["enableSoftDelete"]!.GetValue<bool>());
        Assert.Null(properties["accessPolicies"]);

        var onVault = template.ResourcesOf("Microsoft.Authorization/roleAssignments")
            .Where(r => r["scope"]!.GetValue<string>().Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, onVault.Count);
        // Key Vault Certificate User: the certificate with its private key, for the bot's identity, always.
        var bot = Assert.Single(onVault, r => r["condition"] is null);
        Assert.Contains("variables('keyVaultCertificateUser')", bot["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("db79e9a7-68ee-4b58-9aeb-b90e7c24fcba", template.Root["variables"]!["keyVaultCertificateUser"]!.GetValue<string>());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", bot["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", bot["properties"]!["principalType"]!.GetValue<string>());
        // Key Vault Certificates Officer: only for the person the parameter names, to create the certificate.
        var officer = Assert.Single(onVault, r => r["condition"] is not null);
        Assert.Contains("variables('keyVaultCertificatesOfficer')", officer["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("a4417e6f-fecd-4de8-b567-7b0420556985", template.Root["variables"]!["keyVaultCertificatesOfficer"]!.GetValue<string>());
        Assert.Equal("[parameters('keyVaultAdministratorObjectId')]", officer["properties"]!["principalId"]!.GetValue<string>());
        Assert.Equal("", template.Parameters["keyVaultAdministratorObjectId"]!["defaultValue"]!.GetValue<string>());

        // The web app starts only once its identity may read the certificate.
        var dependsOn = template.Resource("Microsoft.Web/sites")["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>());
        Assert.Contains(dependsOn, d => d.Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal) && d.Contains("roleAssignments", StringComparison.Ordinal));
    }
}
