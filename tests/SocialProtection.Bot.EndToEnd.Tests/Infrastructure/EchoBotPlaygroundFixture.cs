using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Infrastructure;

/// <summary>The echo bot and one Agents Playground pointed at it, shared by the tests of one class.</summary>
public sealed class EchoBotPlaygroundFixture : IAsyncLifetime
{
    private EchoCardBot? _bot;
    private PlaygroundServer? _playground;

    internal EchoCardBot Bot => _bot ?? throw new InvalidOperationException("Not started.");

    public PlaygroundServer Playground => _playground ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _bot = await EchoCardBot.StartAsync();
        _playground = await PlaygroundServer.StartAsync(_bot.Endpoint);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}
