using SocialProtection.Bot.TestSupport;

namespace SocialProtection.Bot.EndToEnd.Tests.Hosting;

/// <summary>
/// What a test over /api/messages starts from: the real host (<see cref="BotHost"/>) with a recording Teams connector
/// and a client, over a local store in a temp folder unless the test chooses another store (<see cref="BaseSettings"/>,
/// e.g. Azurite: <see cref="BotOnAzuriteTest"/>).
/// </summary>
public abstract class BotOverHttpTest : IAsyncLifetime
{
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("bot-http-").FullName;
    private RecordingConnector? _connector;
    private BotHost? _bot;
    private HttpClient? _http;

    protected RecordingConnector Connector => _connector ?? throw new InvalidOperationException("Not started.");

    protected BotHost Bot => _bot ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client of the bot's /api/messages.</summary>
    protected HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    /// <summary>The store and what every test of a kind needs; the local store in a temp folder here.</summary>
    protected virtual Dictionary<string, string?> BaseSettings() => BotHost.LocalStore(_storeFolder);

    /// <summary>Settings a test class adds to (or removes from) <see cref="BaseSettings"/>.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>The port the bot listens on; null for any free one.</summary>
    protected virtual int? BotPort => null;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        var settings = BaseSettings();
        Configure(settings);
        _bot = await BotHost.StartAsync(settings, BotPort);
        _http = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
        try
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
