namespace SocialProtection.Bot.Host.Hosting;

/// <summary>
/// The "DataProtection" section: the certificate that encrypts the Data Protection key ring at rest (the keys that
/// sign download links live in the object store). One source at most: a Key Vault certificate (what the deployment
/// template sets up), a certificate loaded by App Service by thumbprint, or a PKCS#12 file. None: keys are stored
/// unencrypted, and a warning at every start says how to change that.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The vault, <c>https://{name}.vault.azure.net/</c>; read with the managed identity (needs "Key Vault Secrets User").</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The certificate's name in <see cref="KeyVaultUri"/>. Its current version protects new keys; older versions still unprotect old ones.</summary>
    public string? CertificateName { get; set; }

    /// <summary>Client id of the user-assigned managed identity that reads the vault; empty for the system-assigned one or a developer sign-in.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Thumbprint of a certificate App Service loads for the app (app setting <c>WEBSITE_LOAD_CERTIFICATES</c>): looked up
    /// in the CurrentUser "My" store (Windows), then as <c>{CertificateFolder}/{thumbprint}.p12</c> (Linux).
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Where App Service on Linux puts the private certificates it loads.</summary>
    public string CertificateFolder { get; set; } = "/var/ssl/private";

    /// <summary>A PKCS#12 file with the private key (e.g. for a self-hosted instance).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one. A secret: user secrets or environment only.</summary>
    public string? CertificatePassword { get; set; }

    internal bool UsesKeyVault => KeyVaultUri is not null;

    internal bool UsesThumbprint => !string.IsNullOrWhiteSpace(CertificateThumbprint);

    internal bool UsesFile => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>True when a certificate source is configured.</summary>
    public bool IsConfigured => UsesKeyVault || UsesThumbprint || UsesFile;

    /// <summary>What is wrong with the settings, naming the keys; empty when they can work.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if ((UsesKeyVault ? 1 : 0) + (UsesThumbprint ? 1 : 0) + (UsesFile ? 1 : 0) > 1)
        {
            errors.Add("Set one of DataProtection:KeyVaultUri, DataProtection:CertificateThumbprint or DataProtection:CertificatePath, not several.");
        }
        if (UsesKeyVault)
        {
            if (KeyVaultUri is not { IsAbsoluteUri: true } uri || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add("DataProtection:KeyVaultUri must be the vault's https address (https://{name}.vault.azure.net/).");
            }
            if (string.IsNullOrWhiteSpace(CertificateName))
            {
                errors.Add("DataProtection:KeyVaultUri needs DataProtection:CertificateName.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(CertificateName))
        {
            errors.Add("DataProtection:CertificateName is set without DataProtection:KeyVaultUri.");
        }
        if (UsesThumbprint && (CertificateThumbprint!.Trim().Length != 40 || !CertificateThumbprint.Trim().All(Uri.IsHexDigit)))
        {
            errors.Add("DataProtection:CertificateThumbprint must be the certificate's SHA-1 thumbprint, 40 hexadecimal digits.");
        }
        if (UsesFile && !File.Exists(CertificatePath))
        {
            errors.Add("DataProtection:CertificatePath names no file.");
        }
        return errors;
    }
}
