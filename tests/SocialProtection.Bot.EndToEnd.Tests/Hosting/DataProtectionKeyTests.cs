using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialProtection.Bot.EndToEnd.Tests.Faults;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.DataRights;
using SocialProtection.Bot.Workshop;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// The Data Protection key ring (it signs download links) is encrypted at rest with the certificate the settings
/// name, as App Service passes them (environment), and a restarted bot with that certificate still reads it.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private const string Password = "test-only";
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("dp-keys-").FullName;
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), "dp-cert-" + Guid.NewGuid().ToString("N") + ".pfx");
    private readonly X509Certificate2 _certificate;

    public DataProtectionKeyTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SocialProtection.Bot data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = created.Export(X509ContentType.Pkcs12, Password);
        File.WriteAllBytes(_certificatePath, pfx);
        _certificate = X509CertificateLoader.LoadPkcs12(pfx, Password, X509KeyStorageFlags.EphemeralKeySet);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_storeFolder, recursive: true);
        File.Delete(_certificatePath);
    }

    private Dictionary<string, string> Settings(bool withCertificate)
    {
        var settings = new Dictionary<string, string> { ["Storage__LocalPath"] = _storeFolder };
        if (withCertificate)
        {
            settings["DataProtection__CertificatePath"] = _certificatePath;
            settings["DataProtection__CertificatePassword"] = Password;
        }
        return settings;
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        var store = new FileObjectStore(_storeFolder);
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(ObjectStoreXmlRepository.Prefix, CancellationToken.None))
        {
            var stored = await store.GetAsync(info.Key, CancellationToken.None);
            keys.Add(Encoding.UTF8.GetString(stored!.Content.ToArray()));
        }
        return keys;
    }

    // The first download-link check makes the bot create its key ring.
    private static async Task<HttpStatusCode> DownloadAsync(BotProcess bot, string token)
    {
        using var http = bot.CreateClient();
        using var response = await http.GetAsync(new Uri("downloads/" + token, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>A link as the bot signs it, made here with the bot's key ring and this certificate, issued an hour ago.</summary>
    private string ExpiredLinkToken()
    {
        var services = new ServiceCollection();
        services.AddDataProtection()
            .SetApplicationName(WorkshopBotServiceCollectionExtensions.DataProtectionApplicationName)
            .DisableAutomaticKeyGeneration()
            .UnprotectKeysWithAnyCertificate(_certificate);
        services.Configure<KeyManagementOptions>(options =>
            options.XmlRepository = new ObjectStoreXmlRepository(new FileObjectStore(_storeFolder), NullLogger<ObjectStoreXmlRepository>.Instance));
        using var provider = services.BuildServiceProvider();
        return new DownloadTokens(provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System)
            .Create(new DownloadRequest("ws-dp-test", DownloadArtifact.Report, DownloadFormat.Md, null), DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_restarted_bot_still_reads_its_links()
    {
        await using (var bot = await BotProcess.StartAsync(FreePort.Next(), Settings(withCertificate: true)))
        {
            Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(bot, "not-a-token"));
            Assert.DoesNotContain("stored unencrypted", bot.OutputTail, StringComparison.Ordinal);
        }

        var key = Assert.Single(await StoredKeysAsync());
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);

        var token = ExpiredLinkToken();
        await using (var restarted = await BotProcess.StartAsync(FreePort.Next(), Settings(withCertificate: true)))
        {
            // 410: the restarted bot read the key ring and recognised its own (expired) link.
            Assert.Equal(HttpStatusCode.Gone, await DownloadAsync(restarted, token));
        }
        await using var withoutCertificate = await BotProcess.StartAsync(FreePort.Next(), Settings(withCertificate: false));
        // Without the certificate the stored key cannot be read, so the same link is not recognised at all.
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(withoutCertificate, token));
    }

    [Fact]
    public async Task An_App_Service_certificate_named_by_thumbprint_protects_the_keys()
    {
        // App Service on Linux puts the certificates listed in WEBSITE_LOAD_CERTIFICATES in a folder, as {thumbprint}.p12 without a password.
        var folder = Directory.CreateTempSubdirectory("dp-ssl-private-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, _certificate.Thumbprint + ".p12"), _certificate.Export(X509ContentType.Pkcs12));
            var settings = Settings(withCertificate: false);
            settings["DataProtection__CertificateThumbprint"] = _certificate.Thumbprint.ToLowerInvariant();
            settings["DataProtection__CertificateFolder"] = folder;

            await using (var bot = await BotProcess.StartAsync(FreePort.Next(), settings))
            {
                Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(bot, "not-a-token"));
            }

            Assert.Contains("encryptedSecret", Assert.Single(await StoredKeysAsync()), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_plain_and_every_start_says_how_to_protect_them()
    {
        await using var bot = await BotProcess.StartAsync(FreePort.Next(), Settings(withCertificate: false));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(bot, "not-a-token"));

        Assert.Contains("unencrypted form", Assert.Single(await StoredKeysAsync()), StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyVaultUri", bot.OutputTail, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificateThumbprint", bot.OutputTail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DataProtection__KeyVaultUri", "https://spbot.vault.azure.net/", "DataProtection:CertificateName")]
    [InlineData("DataProtection__CertificateThumbprint", "not-a-thumbprint", "DataProtection:CertificateThumbprint")]
    [InlineData("DataProtection__CertificatePath", "/nowhere/keys.pfx", "DataProtection:CertificatePath")]
    public async Task Settings_that_cannot_work_stop_the_start_with_a_message_naming_the_key(string key, string value, string named)
    {
        var settings = Settings(withCertificate: false);
        settings[key] = value;

        var error = await BotProcess.StartExpectingRefusalAsync(FreePort.Next(), settings);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Key_Vault_certificate_the_bot_cannot_read_stops_the_start_and_says_what_to_check()
    {
        var settings = Settings(withCertificate: false);
        settings["DataProtection__KeyVaultUri"] = "https://127.0.0.1:1/";
        settings["DataProtection__CertificateName"] = "data-protection";

        var error = await BotProcess.StartExpectingRefusalAsync(FreePort.Next(), settings);

        Assert.Contains("Key Vault", error.Message, StringComparison.Ordinal);
    }
}
