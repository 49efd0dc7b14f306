using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>Settings from standard Bot Framework keys and the "Bot" section, checked before the bot starts.</summary>
public sealed class OptionsTests
{
    private const string AppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a";
    private const string Tenant = "11111111-2222-4333-8444-555555555555";

    private static BotProtocolOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = ProtocolServices.Build(settings);
        return services.GetRequiredService<IOptions<BotProtocolOptions>>().Value;
    }

    [Fact]
    public void The_flat_Bot_Framework_keys_are_read()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "singletenant",
            ["MicrosoftAppTenantId"] = Tenant,
        });

        Assert.Equal(AppId, options.MicrosoftAppId);
        Assert.Equal("secret", options.MicrosoftAppPassword);
        Assert.Equal(BotAppType.SingleTenant, options.AppType);
        Assert.Equal(Tenant, options.MicrosoftAppTenantId);
        Assert.True(options.IsAuthenticationEnabled);
    }

    [Fact]
    public void The_Bot_section_is_read_and_wins_over_the_flat_keys()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000009",
            ["MicrosoftAppPassword"] = "flat",
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "sectioned",
            ["Bot:MaxRequestBytes"] = "131072",
            ["Bot:OpenIdMetadataUrl"] = "https://example.org/openid",
            ["Bot:TrustedServiceUrlHosts:0"] = "*.example.org",
        });

        Assert.Equal(AppId, options.MicrosoftAppId);
        Assert.Equal("sectioned", options.MicrosoftAppPassword);
        Assert.Equal(131072, options.MaxRequestBytes);
        Assert.Equal("https://example.org/openid", options.OpenIdMetadataUrl);
        Assert.Equal(["*.example.org"], options.EffectiveTrustedServiceUrlHosts);
    }

    [Fact]
    public void An_empty_value_in_the_Bot_section_does_not_blank_out_the_flat_key()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["Bot:MicrosoftAppId"] = "",
            ["Bot:MicrosoftAppPassword"] = "",
            ["Bot:MicrosoftAppType"] = "",
        });

        Assert.Equal(AppId, options.MicrosoftAppId);
        Assert.Equal("secret", options.MicrosoftAppPassword);
        Assert.True(options.IsAuthenticationEnabled);
    }

    [Fact]
    public void Empty_Bot_Framework_template_values_mean_local_mode()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            ["MicrosoftAppType"] = "",
            ["MicrosoftAppTenantId"] = "",
        });

        Assert.False(options.IsAuthenticationEnabled);
        Assert.Equal(BotAppType.MultiTenant, options.AppType);
        Assert.Equal(256 * 1024, options.MaxRequestBytes);
    }

    [Theory]
    [InlineData("MicrosoftAppPassword=secret")]
    [InlineData("MicrosoftAppTenantId=" + Tenant)]
    [InlineData("MicrosoftAppId=my-bot;MicrosoftAppPassword=secret")]
    [InlineData("MicrosoftAppId=" + AppId)]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret;MicrosoftAppCertificateThumbprint=AB12")]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret;MicrosoftAppType=SingleTenant")]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppType=UserAssignedMSI")]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret;MicrosoftAppTenantId=contoso.onmicrosoft.com")]
    [InlineData("MicrosoftAppType=Federated")]
    [InlineData("Bot:MaxRequestBytes=10")]
    [InlineData("Bot:OpenIdMetadataUrl=http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("Bot:ConnectorTotalTimeout=00:00:01;Bot:ConnectorAttemptTimeout=00:00:05")]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret;Bot:AllowedCallers:0=*")]
    [InlineData("MicrosoftAppId=" + AppId + ";MicrosoftAppPassword=secret;Bot:AllowedCallers:0=teams-client")]
    public void Settings_that_cannot_work_or_would_silently_turn_authentication_off_stop_the_bot_at_start(string pairs)
    {
        var settings = pairs.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);

        Assert.Throws<OptionsValidationException>(() => Bind(settings));
    }

    [Fact]
    public async Task A_host_with_invalid_settings_does_not_start()
    {
        var startup = TestBot.StartAsync(new RecordingHandler(), new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "secret" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => startup);
    }

    [Fact]
    public async Task The_readiness_check_is_healthy_with_a_handler_and_unhealthy_without()
    {
        await using (var ready = ProtocolServices.Build())
        {
            Assert.Equal(HealthStatus.Unhealthy, (await Check(ready)).Status);
        }

        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddBotProtocol(configuration);
        services.AddSingleton<Turns.IActivityHandler>(new RecordingHandler());
        await using var withHandler = services.BuildServiceProvider();

        var result = await Check(withHandler);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("Local mode", result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> Check(IServiceProvider services) =>
        new BotProtocolHealthCheck(services).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("protocol", _ => null!, HealthStatus.Unhealthy, null),
        });
}
