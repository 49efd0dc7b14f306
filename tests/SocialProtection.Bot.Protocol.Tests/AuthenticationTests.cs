using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>Channel authentication against a local OpenID metadata and JWKS endpoint with real RSA keys.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a";
    private const string TenantA = "11111111-2222-4333-8444-555555555555";
    private const string TenantB = "99999999-8888-4777-8666-555555555555";
    private const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    // An app named in Bot:AllowedCallers, and one that is not: both can get Entra tokens for the bot's app id.
    private const string AllowedCaller = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";
    private const string OtherApp = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

    // Generating RSA keys is slow on two cores: one set serves every test of the class.
    private static readonly SigningKey TeamsKey = new("bf-key-1", "msteams", "skype");
    private static readonly SigningKey WebChatKey = new("bf-key-webchat", "webchat");
    private static readonly SigningKey TenantAKey = new("entra-a");
    private static readonly SigningKey TenantBKey = new("entra-b");
    private static readonly SigningKey Stranger = new("stranger", "msteams");

    private readonly RecordingHandler _handler = new();
    private TokenIssuer _issuer = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TokenIssuer.StartAsync();
        _issuer.Publish("botframework", TeamsKey);
        _issuer.Publish("botframework", WebChatKey);
        _issuer.Publish(TenantA, TenantAKey);
        _issuer.Publish(TenantB, TenantBKey);
        _bot = await StartBotAsync(_issuer, _handler);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }


    private static Task<TestBot> StartBotAsync(TokenIssuer issuer, RecordingHandler handler, string? metadataUrl = null) =>
        TestBot.StartAsync(
            handler,
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used-here",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = TenantA,
                ["Bot:OpenIdMetadataUrl"] = metadataUrl ?? issuer.BotFrameworkMetadataUrl,
                ["Bot:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrlTemplate,
                ["Bot:AllowedCallers:0"] = AllowedCaller,
            },
            services => services.AddSingleton<IConnectorTokenProvider>(new StaticTokenProvider("outbound-token")));

    private static string Activity(string serviceUrl = ServiceUrl) => TeamsActivities.PersonalMessage(serviceUrl, "hi").ToJsonString();

    private string BotFrameworkToken(
        SigningKey? key = null,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = "https://smba.trafficmanager.net/teams",
        DateTime? notBefore = null,
        DateTime? expires = null,
        SigningKey? signWith = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return _issuer.CreateToken(key ?? TeamsKey, issuer, audience, claims, notBefore, expires, signWith?.SecurityKey);
    }

    private string EntraToken(
        SigningKey key,
        string issuer,
        string audience = AppId,
        string tenantClaim = TenantA,
        string? serviceUrl = null,
        string? azp = AllowedCaller,
        string? appid = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenantClaim };
        if (azp is not null)
        {
            claims["azp"] = azp;
        }
        if (appid is not null)
        {
            claims["appid"] = appid;
        }
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return _issuer.CreateToken(key, issuer, audience, claims);
    }

    [Fact]
    public async Task A_valid_Bot_Framework_token_lets_the_turn_through()
    {
        using var response = await _bot.PostAsync(Activity(), BotFrameworkToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_handler.Turns);
    }

    [Fact]
    public async Task A_token_expired_less_than_five_minutes_ago_is_still_accepted_for_clock_skew()
    {
        var now = DateTime.UtcNow;
        using var response = await _bot.PostAsync(Activity(), BotFrameworkToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("not yet valid")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("bad signature")]
    [InlineData("unknown key")]
    [InlineData("key not endorsed for the channel")]
    [InlineData("serviceurl mismatch")]
    [InlineData("no serviceurl claim")]
    [InlineData("missing header")]
    [InlineData("not a bearer header")]
    [InlineData("not a JWT")]
    public async Task A_request_without_a_valid_token_gets_401_and_nothing_is_handled(string problem)
    {
        var now = DateTime.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(Activity(), System.Text.Encoding.UTF8, "application/json"),
        };
        var header = problem switch
        {
            "expired" => "Bearer " + BotFrameworkToken(notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "not yet valid" => "Bearer " + BotFrameworkToken(notBefore: now.AddMinutes(10), expires: now.AddHours(1)),
            "wrong audience" => "Bearer " + BotFrameworkToken(audience: "00000000-0000-0000-0000-000000000001"),
            "wrong issuer" => "Bearer " + BotFrameworkToken(issuer: "https://evil.example"),
            "bad signature" => "Bearer " + BotFrameworkToken(signWith: Stranger),
            "unknown key" => "Bearer " + BotFrameworkToken(key: Stranger),
            "key not endorsed for the channel" => "Bearer " + BotFrameworkToken(key: WebChatKey),
            "serviceurl mismatch" => "Bearer " + BotFrameworkToken(serviceUrl: "https://attacker.example/teams/"),
            "no serviceurl claim" => "Bearer " + BotFrameworkToken(serviceUrl: null),
            "missing header" => null,
            "not a bearer header" => "Basic " + Convert.ToBase64String("user:password"u8.ToArray()),
            "not a JWT" => "Bearer not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_published_after_start_is_accepted_once_the_keys_are_refreshed()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        using var oldKey = new SigningKey("old", "msteams");
        using var newKey = new SigningKey("new", "msteams");
        issuer.Publish("botframework", oldKey);
        var handler = new RecordingHandler();
        await using var bot = await StartBotAsync(issuer, handler);
        var claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl };

        using (var first = await bot.PostAsync(Activity(), issuer.CreateToken(oldKey, BotFrameworkIssuer, AppId, claims)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var fetchesBeforeRollover = issuer.KeyFetches;
        issuer.Publish("botframework", newKey);

        using var second = await bot.PostAsync(Activity(), issuer.CreateToken(newKey, BotFrameworkIssuer, AppId, claims));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(issuer.KeyFetches > fetchesBeforeRollover);
        Assert.Equal(2, handler.Turns.Count);
    }

    [Fact]
    public async Task When_the_signing_keys_cannot_be_fetched_the_answer_is_503_not_a_crash_and_nothing_is_handled()
    {
        var handler = new RecordingHandler();
        await using var bot = await StartBotAsync(_issuer, handler, metadataUrl: "http://127.0.0.1:1/.well-known/openidconfiguration");

        using var response = await bot.PostAsync(Activity(), BotFrameworkToken());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(handler.Turns);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TenantA + "/", AppId)]
    [InlineData("https://login.microsoftonline.com/" + TenantA + "/v2.0", AppId)]
    [InlineData("https://login.microsoftonline.com/" + TenantA + "/v2.0", "api://" + AppId)]
    public async Task Entra_tokens_of_the_configured_tenant_are_accepted_in_v1_and_v2_form(string issuer, string audience)
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, issuer, audience, serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_handler.Turns);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TenantB + "/")]
    [InlineData("https://login.microsoftonline.com/" + TenantB + "/v2.0")]
    public async Task Entra_tokens_of_another_tenant_are_refused(string issuer)
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantBKey, issuer, tenantClaim: TenantB, serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task An_Entra_token_whose_tenant_claim_disagrees_with_its_issuer_is_refused()
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, $"https://sts.windows.net/{TenantA}/", tenantClaim: TenantB, serviceUrl: ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task An_Entra_token_without_serviceurl_may_only_direct_the_bot_to_a_known_connector_host()
    {
        var token = EntraToken(TenantAKey, $"https://sts.windows.net/{TenantA}/");

        using (var known = await _bot.PostAsync(Activity("https://smba.trafficmanager.net/apac/"), token))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        }
        using var unknown = await _bot.PostAsync(Activity("https://attacker.example/teams/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Single(_handler.Turns);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TenantA + "/v2.0", OtherApp, null)]
    [InlineData("https://sts.windows.net/" + TenantA + "/", null, OtherApp)]
    public async Task A_tenant_token_asked_for_by_another_app_is_refused_and_nothing_is_handled(string issuer, string? azp, string? appid)
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, issuer, serviceUrl: ServiceUrl, azp: azp, appid: appid));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TenantA + "/v2.0", AllowedCaller, null)]
    [InlineData("https://sts.windows.net/" + TenantA + "/", null, AllowedCaller)]
    [InlineData("https://login.microsoftonline.com/" + TenantA + "/v2.0", AppId, null)]
    [InlineData("https://sts.windows.net/" + TenantA + "/", null, AppId)]
    public async Task A_tenant_token_of_a_configured_caller_or_of_the_bot_itself_is_accepted(string issuer, string? azp, string? appid)
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, issuer, serviceUrl: ServiceUrl, azp: azp, appid: appid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_handler.Turns);
    }

    [Fact]
    public async Task A_tenant_token_that_names_no_calling_app_is_refused()
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, $"https://login.microsoftonline.com/{TenantA}/v2.0", serviceUrl: ServiceUrl, azp: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }

    [Fact]
    public async Task A_tenant_token_whose_two_caller_claims_disagree_is_refused()
    {
        using var response = await _bot.PostAsync(Activity(), EntraToken(TenantAKey, $"https://sts.windows.net/{TenantA}/", serviceUrl: ServiceUrl, azp: AllowedCaller, appid: OtherApp));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handler.Turns);
    }
}
