using Microsoft.Extensions.DependencyInjection;
using SocialProtection.Bot.EndToEnd.Tests.Hosting;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.TestSupport;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Core.Storage;
using SocialProtection.Bot.Workshop.Core.Users;

namespace SocialProtection.Bot.EndToEnd.Tests.Playground;

/// <summary>
/// The real bot (host Program on Kestrel, local-disk store in a temp folder) and one Agents Playground pointed at
/// it, shared by the tests of one class. The Playground has one signed-in user, so each test starts by making the
/// bot forget that user (<see cref="ForgetCurrentUserAsync"/>): every test meets the bot as a new participant.
/// </summary>
public sealed class LessonBotPlaygroundFixture : IAsyncLifetime
{
    /// <summary>Personal chat uses this workshop until facilitators create workshops (Workshop:DefaultWorkshopId).</summary>
    public const string WorkshopId = "default";

    private readonly string _storeFolder = Directory.CreateTempSubdirectory("playground-bot-store-").FullName;
    private BotHost? _bot;
    private PlaygroundServer? _playground;

    public BotHost Bot => _bot ?? throw new InvalidOperationException("Not started.");

    public PlaygroundServer Playground => _playground ?? throw new InvalidOperationException("Not started.");

    public PlaygroundTenant Tenant => Playground.Tenant;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(BotHost.LocalStore(_storeFolder));
        _playground = await PlaygroundServer.StartAsync(_bot.MessagesEndpoint);
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

        try
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Deletes what the bot keeps about the signed-in user: participant record and profile (personal conversation with its welcome mark, joined workshop, language).</summary>
    public async Task ForgetCurrentUserAsync()
    {
        var store = Bot.Services.GetRequiredService<IObjectStore>();
        var userKey = Tenant.CurrentUser.AadObjectId;
        await store.DeleteAsync(WorkshopKeys.Participant(WorkshopId, userKey), ifMatch: null, CancellationToken.None);
        await store.DeleteAsync(UserProfileStore.Key(userKey), ifMatch: null, CancellationToken.None);
    }

    /// <summary>What the bot stored for the signed-in user: the record and the stored bytes as they are on disk.</summary>
    internal async Task<(ParticipantRecord Record, byte[] Stored)> ReadCurrentUserAsync()
    {
        var store = Bot.Services.GetRequiredService<IObjectStore>();
        var stored = await store.GetAsync(
            WorkshopKeys.Participant(WorkshopId, Tenant.CurrentUser.AadObjectId), CancellationToken.None);
        Assert.NotNull(stored);
        var record = stored.Content.ToObjectFromJson<ParticipantRecord>(StoredJson.Options);
        Assert.NotNull(record);
        return (record, stored.Content.ToArray());
    }
}
