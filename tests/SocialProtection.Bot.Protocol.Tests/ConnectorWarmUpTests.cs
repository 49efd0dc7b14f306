using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialProtection.Bot.Protocol.Connector;
using SocialProtection.Bot.Protocol.Hosting;
using SocialProtection.Bot.Protocol.Tests.Infrastructure;

namespace SocialProtection.Bot.Protocol.Tests;

/// <summary>
/// At start the bot gets its connector token and sends one request through the connector's HTTP pipeline, so the first
/// replies after a start do not pay for it; nothing it does can stop the bot from starting.
/// </summary>
public sealed class ConnectorWarmUpTests
{
    [Fact]
    public async Task The_start_gets_the_connector_token_and_goes_through_the_pipeline_once()
    {
        var tokens = new CountingTokens(fail: false);
        var requests = new CountingHandler();
        await using var services = Build(tokens, requests);
        var warmUp = services.GetServices<IHostedService>().OfType<ConnectorWarmUp>().Single();

        await warmUp.StartAsync(CancellationToken.None);

        Assert.Equal(1, tokens.Calls);
        Assert.Equal(1, requests.Answered);
    }

    [Fact]
    public async Task A_token_that_cannot_be_had_does_not_stop_the_start()
    {
        var tokens = new CountingTokens(fail: true);
        await using var services = Build(tokens, new CountingHandler());
        var warmUp = services.GetServices<IHostedService>().OfType<ConnectorWarmUp>().Single();

        await warmUp.StartAsync(CancellationToken.None);

        Assert.Equal(1, tokens.Calls);
    }

    private static ServiceProvider Build(IConnectorTokenProvider tokens, CountingHandler requests)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton(tokens);
        collection.AddBotProtocol(new ConfigurationBuilder().Build());
        collection.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler(() => requests);
        collection.AddSingleton<Turns.IActivityHandler>(new RecordingHandler());
        return collection.BuildServiceProvider();
    }

    /// <summary>Counts the requests that came back answered through the connector's pipeline.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _answered;

        public int Answered => _answered;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _answered);
            }
            return response;
        }
    }

    private sealed class CountingTokens(bool fail) : IConnectorTokenProvider
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return fail
                ? ValueTask.FromException<string?>(new InvalidOperationException("No credential (test)."))
                : ValueTask.FromResult<string?>("token");
        }

        public void Invalidate()
        {
        }
    }
}
