using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocialProtection.Bot.Host.Hosting;

/// <summary>The certificate that protects new Data Protection keys, and every certificate that may unprotect stored ones.</summary>
/// <param name="Current">Encrypts keys written from now on.</param>
/// <param name="All">The current one and older ones (earlier Key Vault versions), for keys written before a renewal.</param>
/// <param name="Source">Where they came from, for the start-up log (no secrets).</param>
public sealed record DataProtectionCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> All, string Source)
{
    /// <summary>A certificate usable for key encryption: it has its RSA private key.</summary>
    internal static X509Certificate2 RequireRsaPrivateKey(X509Certificate2 certificate, string source)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The Data Protection certificate from {source} has no private key, so stored keys could not be read back.");
        }
        using var rsa = certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException($"The Data Protection certificate from {source} is not an RSA certificate.");
        return certificate;
    }

    /// <summary>A PKCS#12 file, with the private key.</summary>
    internal static DataProtectionCertificates FromFile(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException("DataProtection:CertificatePath is not a PKCS#12 file this password opens.", e);
        }
        return One(RequireRsaPrivateKey(certificate, "DataProtection:CertificatePath"), "a certificate file");
    }

    /// <summary>A certificate App Service loaded for the app: the CurrentUser "My" store, else its Linux folder.</summary>
    internal static DataProtectionCertificates FromThumbprint(string thumbprint, string folder)
    {
        thumbprint = thumbprint.Trim().ToUpperInvariant();
        if (FindInStore(thumbprint) is { } stored)
        {
            return One(RequireRsaPrivateKey(stored, "the certificate store"), $"the certificate store (thumbprint {thumbprint})");
        }
        var file = Path.Combine(folder, thumbprint + ".p12");
        if (File.Exists(file))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
            return One(RequireRsaPrivateKey(certificate, file), $"App Service's certificates (thumbprint {thumbprint})");
        }
        throw new InvalidOperationException(
            $"No certificate with thumbprint {thumbprint} is loaded: add it to the app and list it in the app setting WEBSITE_LOAD_CERTIFICATES.");
    }

    // Windows App Service loads certificates into CurrentUser\My; on Linux that store usually does not exist at all.
    private static X509Certificate2? FindInStore(string thumbprint)
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly | OpenFlags.IncludeArchived);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count > 0 ? found[0] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static DataProtectionCertificates One(X509Certificate2 certificate, string source) => new(certificate, [certificate], source);
}
