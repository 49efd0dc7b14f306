using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Facilitation.Cards;

namespace SocialProtection.Bot.EndToEnd.Tests.Facilitation;

/// <summary>
/// What a channel test over /api/messages starts from: the real host over a local store in a temp folder, a recording
/// Teams connector, and one configured facilitator who can create a workshop the way a person does (command, set-up
/// card, Create).
/// </summary>
public abstract class ChannelBotTest : IAsyncLifetime
{
    private readonly string _storeFolder = Directory.CreateTempSubdirectory("channel-http-").FullName;
    private RecordingConnector? _connector;
    private BotHost? _bot;

    protected string FacilitatorId { get; } = Guid.NewGuid().ToString();

    protected RecordingConnector Connector => _connector ?? throw new InvalidOperationException("Not started.");

    protected BotHost Bot => _bot ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings a test adds to the local store and the configured facilitator.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        var settings = BotHost.LocalStore(_storeFolder);
        settings["Workshop:Facilitators:0"] = FacilitatorId;
        Configure(settings);
        _bot = await BotHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
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

    /// <summary>The configured facilitator, in the test channel.</summary>
    private protected ChannelMember Facilitator(HttpClient http) => new(http, Connector.ServiceUrl, "สมศรี ใจดี", FacilitatorId);

    /// <summary>Creates a workshop from the set-up card and waits for its kickoff card; returns its id.</summary>
    private protected async Task<string> CreateWorkshopAsync(ChannelMember facilitator, string title = "ถอดบทเรียน")
    {
        await facilitator.PostAsync("workshop new");
        var setup = await LastCardCallAsync(FacilitationVerbs.Create);
        var data = AdaptiveCardReader.ExecuteData(setup.Cards.First(), FacilitationVerbs.Create);
        data["title"] = title;
        data["date"] = "2026-11-18";
        await facilitator.PressAsync(FacilitationVerbs.Create, data, "setup-card");
        await LastCardCallAsync(FacilitationVerbs.Join);
        return (string)data["workshopId"]!;
    }

    /// <summary>The latest call to Teams carrying a card with an <paramref name="verb"/> button, once there is one.</summary>
    protected async Task<ConnectorCall> LastCardCallAsync(string verb) =>
        (await Connector.WaitForAsync(calls => calls.Any(c => HasButton(c, verb)))).Last(c => HasButton(c, verb));

    private static bool HasButton(ConnectorCall call, string verb) => call.Cards.Any(card => AdaptiveCardReader.HasExecute(card, verb));
}
