namespace SocialProtection.Bot.Deployment.Tests;

/// <summary>
/// The configuration the bot binds in Azure (see the host's options: MicrosoftApp*, Storage:*, Workshop:*),
/// against what the template sets. "__" is how App Service app settings spell the ":" of a configuration section.
/// </summary>
public sealed class AppSettingsContractTests
{
    /// <summary>Every key the bot needs in Azure, with its fixed value where it has one.</summary>
    static readonly IReadOnlyDictionary<string, string?> BotConfiguration = new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppId"] = null,
        ["MicrosoftAppTenantId"] = null,
        ["Storage__AccountUrl"] = null,
        ["Storage__ContainerName"] = null,
        ["Storage__ManagedIdentityClientId"] = null,
        ["Reminders__Schedule__TimeZoneId"] = null,
        ["DataProtection__KeyVaultUri"] = null,
        ["DataProtection__CertificateName"] = null,
        ["DataProtection__ManagedIdentityClientId"] = null,
    };

    readonly ArmTemplate template = new();

    [Fact]
    public void Template_sets_every_key_the_bot_reads_and_nothing_else()
    {
        Assert.Equal(BotConfiguration.Keys.Order(StringComparer.Ordinal), template.AppSettings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fixed_values_are_the_ones_the_bot_expects()
    {
        foreach (var (key, value) in BotConfiguration.Where(p => p.Value is not null))
        {
            Assert.Equal(value, template.AppSettings[key]);
        }
        Assert.Equal("[parameters('workshopTimeZone')]", template.AppSettings["Reminders__Schedule__TimeZoneId"]);
        Assert.Equal("Asia/Bangkok", template.Parameters["workshopTimeZone"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Storage_url_is_the_accounts_blob_endpoint_without_a_trailing_slash()
    {
        Assert.Equal(
            "[format('https://{0}.blob.{1}', variables('storageAccountName'), environment().suffixes.storage)]",
            template.AppSettings["Storage__AccountUrl"]);
        Assert.Equal("[parameters('containerName')]", template.AppSettings["Storage__ContainerName"]);
    }

    [Fact]
    public void The_bot_signs_in_with_the_user_assigned_identity_of_its_tenant()
    {
        Assert.Matches(@"^\[reference\(resourceId\('Microsoft.ManagedIdentity/userAssignedIdentities', variables\('identityName'\)\), '[0-9-]+'\)\.clientId\]$", template.AppSettings["MicrosoftAppId"]);
        Assert.Equal("[parameters('tenantId')]", template.AppSettings["MicrosoftAppTenantId"]);
        Assert.Equal("[tenant().tenantId]", template.Parameters["tenantId"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void Data_protection_keys_are_encrypted_with_the_vaults_certificate_read_by_the_bots_identity()
    {
        Assert.Equal("[reference(resourceId('Microsoft.KeyVault/vaults', variables('keyVaultName')), '2023-07-01').vaultUri]", template.AppSettings["DataProtection__KeyVaultUri"]);
        Assert.Equal("[parameters('dataProtectionCertificateName')]", template.AppSettings["DataProtection__CertificateName"]);
        Assert.Equal("data-protection", template.Parameters["dataProtectionCertificateName"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(template.AppSettings["MicrosoftAppId"], template.AppSettings["DataProtection__ManagedIdentityClientId"]);
    }
}
