using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>
/// The storage round trips a turn cannot avoid: read a blob with its ETag and write it back only over that ETag, or,
/// when the writer already knows the ETag (the bot's answer turns), the conditional write alone.
/// </summary>
public static class StorageFloor
{
    public sealed record Result(
        double RoundTripP50Ms, double RoundTripP99Ms, double WriteP50Ms, double WriteP99Ms,
        int Concurrency, double RoundTripsPerSecond, double WritesPerSecond);

    public static async Task<Result> MeasureAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var container = new BlobContainerClient(connectionString, "floor" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync();
        var payload = BinaryData.FromString(new string('x', 2_000));

        var single = container.GetBlobClient("single");
        var etag = (await single.UploadAsync(payload, overwrite: true)).Value.ETag;
        var roundTrips = await AloneAsync(async () => etag = await RoundTripAsync(single, payload));
        var writes = await AloneAsync(async () => etag = await WriteAsync(single, payload, etag));

        return new Result(
            Percentile(roundTrips, 0.5), Percentile(roundTrips, 0.99), Percentile(writes, 0.5), Percentile(writes, 0.99), concurrency,
            await ManyAsync(container, payload, concurrency, duration, (blob, tag) => RoundTripAsync(blob, payload)),
            await ManyAsync(container, payload, concurrency, duration, (blob, tag) => WriteAsync(blob, payload, tag)));
    }

    /// <summary>
    /// The floor under the turn load's shape: <paramref name="callers"/> callers at once, each on its own blob, each doing
    /// <paramref name="roundTrips"/> read + conditional write round trips in a row (a participant's turns, had each
    /// turn cost exactly one read and one write). Returns every round trip's latency in ms, sorted.
    /// </summary>
    public static async Task<double[]> BurstAsync(string connectionString, int callers, int roundTrips)
    {
        var container = new BlobContainerClient(connectionString, "burst" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync();
        var payload = BinaryData.FromString(new string('x', 2_000));
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(k => Task.Run(async () =>
        {
            var blob = container.GetBlobClient($"p{k}-{Guid.NewGuid():N}");
            await blob.UploadAsync(payload, overwrite: true);
            for (var i = 0; i < roundTrips; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await RoundTripAsync(blob, payload);
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    // Under a 2,000-caller burst the client times out a write that Azurite then applies; its retry
                    // finds the blob changed. The write did land: the round trip counts, as a turn would redo it.
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return [.. latencies.Order()];
    }

    /// <summary>Latency with one caller.</summary>
    private static async Task<List<double>> AloneAsync(Func<Task> operation)
    {
        var times = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>Operations per second with many callers, each on their own blob, as participants are.</summary>
    private static async Task<double> ManyAsync(
        BlobContainerClient container, BinaryData payload, int concurrency, TimeSpan duration, Func<BlobClient, ETag, Task<ETag>> operation)
    {
        var done = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async k =>
        {
            var blob = container.GetBlobClient($"p{k}-{Guid.NewGuid():N}");
            var etag = (await blob.UploadAsync(payload, overwrite: true)).Value.ETag;
            while (!stop.IsCancellationRequested)
            {
                etag = await operation(blob, etag);
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    private static async Task<ETag> RoundTripAsync(BlobClient blob, BinaryData payload)
    {
        var read = await blob.DownloadContentAsync();
        return await WriteAsync(blob, payload, read.Value.Details.ETag);
    }

    private static async Task<ETag> WriteAsync(BlobClient blob, BinaryData payload, ETag etag) =>
        (await blob.UploadAsync(payload, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } })).Value.ETag;

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
