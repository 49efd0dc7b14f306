using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Hosting;

namespace SocialProtection.Bot.Protocol.Tests;

public sealed class ConnectorTokenProviderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_token_is_reused_until_five_minutes_before_it_expires_then_fetched_again()
    {
        var credential = new CountingCredential(_time, lifetime: TimeSpan.FromHours(1));
        using var provider = new ConnectorTokenProvider(credential, _time);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillCached);
        Assert.Equal("token-2", renewed);
        Assert.Equal(["https://api.botframework.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task Many_turns_at_once_share_one_token_request()
    {
        var credential = new CountingCredential(_time, lifetime: TimeSpan.FromHours(1), delay: TimeSpan.FromMilliseconds(100));
        using var provider = new ConnectorTokenProvider(credential, _time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task An_invalidated_token_is_fetched_again()
    {
        var credential = new CountingCredential(_time, lifetime: TimeSpan.FromHours(1));
        using var provider = new ConnectorTokenProvider(credential, _time);

        await provider.GetTokenAsync(CancellationToken.None);
        provider.Invalidate();

        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_credential_and_no_token()
    {
        Assert.Null(ConnectorCredentialFactory.Create(new BotProtocolOptions()));
        using var provider = new ConnectorTokenProvider(null, _time);

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, "ClientSecretCredential")]
    [InlineData(BotAppType.SingleTenant, "ClientSecretCredential")]
    [InlineData(BotAppType.UserAssignedMSI, "ManagedIdentityCredential")]
    public void The_credential_matches_the_app_type(BotAppType type, string expected)
    {
        var options = new BotProtocolOptions
        {
            MicrosoftAppId = "3b2e5c1a-7d4f-4e8a-9b6c-1f0e2d3c4b5a",
            MicrosoftAppPassword = type == BotAppType.UserAssignedMSI ? null : "secret",
            MicrosoftAppTenantId = "11111111-2222-4333-8444-555555555555",
            MicrosoftAppType = type.ToString(),
        };

        Assert.Equal(expected, ConnectorCredentialFactory.Create(options)!.GetType().Name);
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime, TimeSpan delay = default) : TokenCredential
    {
        private int _calls;

        public int Calls => _calls;

        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            Scopes = requestContext.Scopes;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }
            return new AccessToken($"token-{call}", time.GetUtcNow() + lifetime);
        }
    }
}
