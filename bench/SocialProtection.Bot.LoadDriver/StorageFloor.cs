using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SocialProtection.Bot.LoadDriver;

/// <summary>The storage round trips a turn cannot avoid: read a blob with its ETag, write it back only over that ETag.</summary>
public static class StorageFloor
{
    public sealed record Result(double P50Ms, double P99Ms, int Concurrency, double RoundTripsPerSecond);

    public static async Task<Result> MeasureAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        var container = new BlobContainerClient(connectionString, "floor" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync();
        var payload = BinaryData.FromString(new string('x', 2_000));

        // Latency alone: one caller.
        var single = container.GetBlobClient("single");
        await single.UploadAsync(payload, overwrite: true);
        var alone = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await RoundTripAsync(single, payload);
            alone.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        alone.Sort();

        // Throughput: many callers, each on their own blob, as participants are.
        var rounds = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async k =>
        {
            var blob = container.GetBlobClient($"p{k}");
            await blob.UploadAsync(payload, overwrite: true);
            while (!stop.IsCancellationRequested)
            {
                await RoundTripAsync(blob, payload);
                Interlocked.Increment(ref rounds);
            }
        }));
        return new Result(alone[alone.Count / 2], alone[(int)(alone.Count * 0.99)], concurrency, rounds / clock.Elapsed.TotalSeconds);
    }

    private static async Task RoundTripAsync(BlobClient blob, BinaryData payload)
    {
        var read = await blob.DownloadContentAsync();
        await blob.UploadAsync(payload, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = read.Value.Details.ETag } });
    }
}
