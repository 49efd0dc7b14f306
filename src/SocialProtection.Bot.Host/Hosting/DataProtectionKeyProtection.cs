using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SocialProtection.Bot.Host.Hosting;

public static partial class DataProtectionKeyProtection
{
    /// <summary>
    /// Encrypts the Data Protection key ring at rest with the certificate the "DataProtection" section names
    /// (<see cref="DataProtectionKeyOptions"/>), through the standard <c>ProtectKeysWithCertificate</c>; every
    /// certificate loaded (older Key Vault versions too) unprotects stored keys (<c>UnprotectKeysWithAnyCertificate</c>).
    /// The certificate is loaded here, while the host is built, from the configuration as the process starts with it
    /// (app settings, environment, command line): settings that cannot work, or a certificate that cannot be read,
    /// stop the start with a message naming the key. Logs at every start how the keys are kept.
    /// </summary>
    public static IServiceCollection AddDataProtectionKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DataProtectionKeyOptions.SectionName).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(DataProtectionKeyOptions.SectionName, typeof(DataProtectionKeyOptions), errors);
        }
        services.AddSingleton(Options.Create(options));

        var certificates = Load(options);
        if (certificates is not null)
        {
            services.AddDataProtection()
                .ProtectKeysWithCertificate(certificates.Current)
                .UnprotectKeysWithAnyCertificate([.. certificates.All]);
        }
        services.AddHostedService(provider => new StartupLog(certificates, provider.GetRequiredService<ILogger<StartupLog>>()));
        return services;
    }

    private static DataProtectionCertificates? Load(DataProtectionKeyOptions options)
    {
        if (options.UsesKeyVault)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // Service registration is synchronous; this runs once, before the host starts.
            return KeyVaultCertificateSource.LoadAsync(options, timeout.Token).GetAwaiter().GetResult();
        }
        if (options.UsesThumbprint)
        {
            return DataProtectionCertificates.FromThumbprint(options.CertificateThumbprint!, options.CertificateFolder);
        }
        return options.UsesFile ? DataProtectionCertificates.FromFile(options.CertificatePath!, options.CertificatePassword) : null;
    }

    /// <summary>Says at every start whether the key ring is encrypted, and if not, how to make it so.</summary>
    internal sealed partial class StartupLog(DataProtectionCertificates? certificates, ILogger<StartupLog> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (certificates is null)
            {
                LogUnprotected(logger);
            }
            else
            {
                LogProtected(logger, certificates.Source, certificates.Current.Thumbprint);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Data Protection keys are encrypted at rest with {Source}, current certificate {Thumbprint}")]
        private static partial void LogProtected(ILogger logger, string source, string thumbprint);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
            Message = "Data Protection keys (they sign download links) are stored unencrypted in the object store under system/data-protection/keys/. " +
                "To encrypt them at rest: in Azure, deploy deploymentTemplates/ (it sets DataProtection:KeyVaultUri and DataProtection:CertificateName) and " +
                "create the certificate with `az keyvault certificate create` (docs/deploy.md); or load a certificate into App Service " +
                "(WEBSITE_LOAD_CERTIFICATES) and set DataProtection:CertificateThumbprint; or set DataProtection:CertificatePath to a PKCS#12 file. See docs/security.md.")]
        private static partial void LogUnprotected(ILogger logger);
    }
}
