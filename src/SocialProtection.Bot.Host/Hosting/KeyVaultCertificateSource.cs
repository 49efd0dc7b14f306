using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;

namespace SocialProtection.Bot.Host.Hosting;

/// <summary>
/// Downloads the Data Protection certificate from Key Vault with the app's managed identity (role "Key Vault Secrets
/// User": the private key comes with the certificate's secret). Older enabled versions come too, so keys written
/// before the certificate renewed itself can still be read.
/// </summary>
internal static class KeyVaultCertificateSource
{
    private const int MaxVersions = 20;

    public static async Task<DataProtectionCertificates> LoadAsync(DataProtectionKeyOptions options, CancellationToken cancellationToken)
    {
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        var client = new CertificateClient(options.KeyVaultUri!, credential);
        var name = options.CertificateName!;
        try
        {
            X509Certificate2 current = await client.DownloadCertificateAsync(name, version: null, cancellationToken);
            DataProtectionCertificates.RequireRsaPrivateKey(current, "Key Vault");
            var all = new List<X509Certificate2> { current };
            var versions = new List<CertificateProperties>();
            await foreach (var properties in client.GetPropertiesOfCertificateVersionsAsync(name, cancellationToken))
            {
                if (properties.Enabled != false && !string.Equals(properties.X509ThumbprintString, current.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    versions.Add(properties);
                }
            }
            foreach (var properties in versions.OrderByDescending(p => p.CreatedOn).Take(MaxVersions))
            {
                X509Certificate2 older = await client.DownloadCertificateAsync(name, properties.Version, cancellationToken);
                if (older.HasPrivateKey)
                {
                    all.Add(older);
                }
            }
            return new DataProtectionCertificates(current, all, $"Key Vault certificate '{name}' ({all.Count} version(s))");
        }
        catch (RequestFailedException e)
        {
            // Status and error code only: the message may quote the vault's request.
            throw new InvalidOperationException(
                $"The Data Protection certificate '{name}' could not be read from Key Vault ({e.Status} {e.ErrorCode}). " +
                "Create it (az keyvault certificate create, see docs/deploy.md) and give the bot's identity the role Key Vault Secrets User.", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new InvalidOperationException("The bot's identity could not sign in to read the Data Protection certificate from Key Vault.", e);
        }
        catch (Exception e) when (e is AggregateException or HttpRequestException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Key Vault at {options.KeyVaultUri} could not be reached to read the Data Protection certificate '{name}' (after retries, within a minute). " +
                "Check DataProtection:KeyVaultUri and the app's network access to the vault.", e);
        }
    }
}
