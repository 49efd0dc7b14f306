using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using SocialProtection.Bot.Protocol.Hosting;

namespace SocialProtection.Bot.Protocol.Connector;

/// <summary>Builds the Azure.Identity credential that matches the configured app type and secret.</summary>
internal static class ConnectorCredentialFactory
{
    /// <summary>The tenant multi-tenant bots get their connector tokens from.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>The credential, or null when no app id is configured (no outbound tokens).</summary>
    public static TokenCredential? Create(BotProtocolOptions options)
    {
        if (!options.IsAuthenticationEnabled)
        {
            return null;
        }
        var appId = options.MicrosoftAppId!.Trim();
        if (options.AppType == BotAppType.UserAssignedMSI)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId));
        }
        var tenant = options.AppType == BotAppType.MultiTenant ? BotFrameworkTenant : options.MicrosoftAppTenantId!.Trim();
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return new ClientSecretCredential(tenant, appId, options.MicrosoftAppPassword);
        }
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppCertificateThumbprint))
        {
            return new ClientCertificateCredential(tenant, appId, FindCertificate(options.MicrosoftAppCertificateThumbprint));
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return string.IsNullOrEmpty(options.CertificatePassword)
                ? new ClientCertificateCredential(tenant, appId, options.CertificatePath)
                : new ClientCertificateCredential(tenant, appId, X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));
        }
        throw new InvalidOperationException("An app id is configured without a password or certificate.");
    }

    private static X509Certificate2 FindCertificate(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", "", StringComparison.Ordinal).Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw new InvalidOperationException("The certificate named by MicrosoftAppCertificateThumbprint is not in the CurrentUser or LocalMachine 'My' store.");
    }
}
