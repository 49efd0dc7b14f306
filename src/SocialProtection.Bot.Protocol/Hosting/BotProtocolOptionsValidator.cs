using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Authentication;

namespace SocialProtection.Bot.Protocol.Hosting;

/// <summary>Refuses settings that would start a bot that cannot work or, worse, runs with authentication silently off.</summary>
internal sealed class BotProtocolOptionsValidator : IValidateOptions<BotProtocolOptions>
{
    public ValidateOptionsResult Validate(string? name, BotProtocolOptions options)
    {
        var errors = new List<string>();
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificateThumbprint);
        var hasCertificatePath = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!options.IsAppTypeValid)
        {
            errors.Add("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
        }
        if (!options.IsAuthenticationEnabled)
        {
            if (hasPassword || hasThumbprint || hasCertificatePath || hasTenant)
            {
                errors.Add("MicrosoftAppPassword, a certificate or MicrosoftAppTenantId is set but MicrosoftAppId is empty; authentication would be off. Set MicrosoftAppId or remove them.");
            }
        }
        else
        {
            if (options.AllowUnauthenticated)
            {
                errors.Add("Bot:AllowUnauthenticated=true together with MicrosoftAppId says two opposite things; remove the flag.");
            }
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                errors.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
            }
            var secrets = (hasPassword ? 1 : 0) + (hasThumbprint ? 1 : 0) + (hasCertificatePath ? 1 : 0);
            if (options.AppType != BotAppType.UserAssignedMSI && secrets != 1)
            {
                errors.Add($"MicrosoftAppType {options.AppType} needs exactly one of MicrosoftAppPassword, MicrosoftAppCertificateThumbprint or Bot:CertificatePath.");
            }
            if (options.AppType != BotAppType.MultiTenant && !hasTenant)
            {
                errors.Add($"MicrosoftAppType {options.AppType} needs MicrosoftAppTenantId.");
            }
            if (hasCertificatePath && !File.Exists(options.CertificatePath))
            {
                errors.Add("Bot:CertificatePath names no file.");
            }
        }
        foreach (var tenant in options.EntraTenantIds)
        {
            if (!Guid.TryParse(tenant, out _))
            {
                errors.Add("MicrosoftAppTenantId and Bot:AdditionalEntraTenantIds must be tenant GUIDs (token issuers name the GUID, not a domain).");
                break;
            }
        }
        if (options.AllowedCallers.Any(caller => !Guid.TryParse(caller, out _)))
        {
            errors.Add("Bot:AllowedCallers must list app (client) ids, GUIDs; there is no wildcard.");
        }
        if (options.MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add("Bot:MaxRequestBytes must be between 1024 and 16777216.");
        }
        CheckMetadataUrl(errors, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckMetadataUrl(errors, "Bot:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl.Replace("{tenantId}", Guid.Empty.ToString(), StringComparison.OrdinalIgnoreCase));
        if (options.TrustedServiceUrlHosts.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Bot:TrustedServiceUrlHosts must not contain empty entries.");
        }
        if (options.KeyRefreshMinimumInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("Bot:KeyRefreshMinimumInterval must be at least one second.");
        }
        if (options.KeyRefreshWait < TimeSpan.Zero || options.KeyRefreshWait > TimeSpan.FromSeconds(30))
        {
            errors.Add("Bot:KeyRefreshWait must be between 0 and 30 seconds.");
        }
        if (options.ConnectorRetryAttempts is < 0 or > 10)
        {
            errors.Add("Bot:ConnectorRetryAttempts must be between 0 and 10.");
        }
        if (options.ConnectorRetryBaseDelay <= TimeSpan.Zero || options.ConnectorAttemptTimeout <= TimeSpan.Zero || options.ConnectorMaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("Bot:ConnectorRetryBaseDelay and Bot:ConnectorAttemptTimeout must be positive, Bot:ConnectorMaxRetryAfter not negative.");
        }
        if (options.ConnectorTotalTimeout < options.ConnectorAttemptTimeout)
        {
            errors.Add("Bot:ConnectorTotalTimeout must be at least Bot:ConnectorAttemptTimeout.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckMetadataUrl(List<string> errors, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !MetadataDocumentRetriever.IsAllowed(uri))
        {
            errors.Add($"{key} must be an absolute https URL (http only on loopback).");
        }
    }
}
