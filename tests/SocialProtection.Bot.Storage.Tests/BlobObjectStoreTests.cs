using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Storage.Blobs;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>What only the blob store has to get right: its container, lost replies, a silent service.</summary>
public sealed class BlobObjectStoreTests(AzuriteContainerFixture fixture) : IClassFixture<AzuriteContainerFixture>
{
    [Fact]
    public async Task The_container_is_created_by_the_first_write_even_when_many_writes_arrive_at_once()
    {
        var container = "new" + Guid.NewGuid().ToString("N");
        var store = fixture.CreateStore(container);
        Assert.Null(await store.GetAsync("workshops/w1", default));
        await foreach (var unexpected in store.ListAsync("", default))
        {
            Assert.Fail($"An empty store listed {unexpected.Key}.");
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            store.PutAsync($"answers/p{i}", BinaryData.FromString($"คำตอบ {i}"), WriteCondition.IfNotExists, default)));

        for (var i = 0; i < 16; i++)
        {
            Assert.Equal($"คำตอบ {i}", (await store.GetAsync($"answers/p{i}", default))!.Content.ToString());
        }
    }

    [Fact]
    public async Task A_container_deleted_behind_the_stores_back_is_created_again_by_the_next_write()
    {
        var container = "gone" + Guid.NewGuid().ToString("N");
        var store = fixture.CreateStore(container);
        await store.PutAsync("a", BinaryData.FromString("1"), WriteCondition.IfNotExists, default);
        await new BlobServiceClient(fixture.Azurite.ConnectionString).DeleteBlobContainerAsync(container);

        await store.PutAsync("a", BinaryData.FromString("2"), WriteCondition.IfNotExists, default);

        Assert.Equal("2", (await store.GetAsync("a", default))!.Content.ToString());
    }

    [Fact]
    public async Task A_write_whose_reply_was_lost_counts_as_written_not_as_a_conflict()
    {
        var key = "lost-reply/" + Guid.NewGuid().ToString("N");
        var etag = await fixture.CreateStore().PutAsync(key, BinaryData.FromString("v1"), WriteCondition.IfNotExists, default);
        var store = StoreThatLosesItsFirstReply();

        var written = await store.PutAsync(key, BinaryData.FromString("v2"), WriteCondition.IfMatch(etag), default);

        var stored = await store.GetAsync(key, default);
        Assert.Equal("v2", stored!.Content.ToString());
        Assert.Equal(stored.ETag, written);
    }

    [Fact]
    public async Task A_create_whose_reply_was_lost_counts_as_created_not_as_already_there()
    {
        await fixture.CreateStore().PutAsync("container-exists", BinaryData.Empty, WriteCondition.None, default);
        var key = "lost-create/" + Guid.NewGuid().ToString("N");
        var store = StoreThatLosesItsFirstReply();

        var created = await store.PutAsync(key, BinaryData.FromString("mine"), WriteCondition.IfNotExists, default);

        var stored = await store.GetAsync(key, default);
        Assert.Equal("mine", stored!.Content.ToString());
        Assert.Equal(stored.ETag, created);
    }

    [Fact]
    public async Task A_real_conflict_after_a_lost_reply_is_still_a_conflict()
    {
        var key = "lost-then-taken/" + Guid.NewGuid().ToString("N");
        await fixture.CreateStore().PutAsync(key, BinaryData.FromString("someone else's"), WriteCondition.IfNotExists, default);
        await fixture.CreateStore().PutAsync("container-exists", BinaryData.Empty, WriteCondition.None, default);
        var store = StoreThatLosesItsFirstReply();
        await store.PutAsync("lost-then-taken/warm-up-" + Guid.NewGuid().ToString("N"), BinaryData.Empty, WriteCondition.None, default);

        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => store.PutAsync(key, BinaryData.FromString("mine"), WriteCondition.IfNotExists, default));
        Assert.Equal("someone else's", (await store.GetAsync(key, default))!.Content.ToString());
    }

    private BlobObjectStore StoreThatLosesItsFirstReply()
    {
        var options = new BlobClientOptions();
        options.AddPolicy(RequestAttemptCounter.Policy, HttpPipelinePosition.PerRetry);
        options.AddPolicy(new LoseFirstReplyPolicy(), HttpPipelinePosition.PerRetry);
        return new BlobObjectStore(new BlobServiceClient(fixture.Azurite.ConnectionString, options).GetBlobContainerClient(fixture.ContainerName));
    }

    [Fact]
    public async Task A_service_that_accepts_connections_but_never_answers_fails_as_unavailable_instead_of_hanging()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // connections queue in the kernel; nobody ever reads or answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var store = new BlobObjectStore(BlobContainerClientFactory.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={TestSupport.AzuriteServer.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            NetworkTimeout = TimeSpan.FromSeconds(1),
            MaxRetries = 1,
        }));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("a", default).WaitAsync(TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => store.PutAsync("a", BinaryData.FromString("x"), WriteCondition.IfNotExists, default).WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_burst_far_beyond_the_request_slots_waits_its_turn_and_every_write_lands()
    {
        var container = "burst" + Guid.NewGuid().ToString("N");
        var store = new BlobObjectStore(
            BlobContainerClientFactory.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString, ContainerName = container }),
            maxConcurrentRequests: 4,
            queueTimeout: TimeSpan.FromMinutes(1));

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            store.PutAsync($"participants/p{i}", BinaryData.FromString($"คำตอบ {i}"), WriteCondition.IfNotExists, default)));

        var read = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.GetAsync($"participants/p{i}", default)));
        Assert.All(read.Select((stored, i) => (stored, i)), x => Assert.Equal($"คำตอบ {x.i}", x.stored!.Content.ToString()));
    }

    [Fact]
    public async Task A_request_that_cannot_get_a_slot_in_time_fails_as_unavailable_instead_of_waiting()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var store = new BlobObjectStore(
            BlobContainerClientFactory.Create(new StorageOptions
            {
                ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={TestSupport.AzuriteServer.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
                NetworkTimeout = TimeSpan.FromSeconds(20),
                MaxRetries = 0,
            }),
            maxConcurrentRequests: 1,
            queueTimeout: TimeSpan.FromSeconds(1));
        var holding = store.GetAsync("first", default);

        var queued = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("second", default).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.IsType<TimeoutException>(queued.InnerException);
        Assert.False(holding.IsCompleted);
    }

    [Fact]
    public async Task An_error_reply_whose_body_cannot_be_read_fails_as_unavailable_not_as_a_crash()
    {
        // A front end answering 503 with an empty "XML" body: the SDK cannot even build its own exception from it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var buffer = new byte[8192];
                _ = await stream.ReadAsync(buffer, stop.Token);
                await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var store = new BlobObjectStore(BlobContainerClientFactory.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={TestSupport.AzuriteServer.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            MaxRetries = 0,
        }));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("a", default));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PutAsync("a", BinaryData.FromString("x"), WriteCondition.IfNotExists, default));
        await stop.CancelAsync();
        await Task.WhenAny(server, Task.Delay(TimeSpan.FromSeconds(5)));
    }
}
