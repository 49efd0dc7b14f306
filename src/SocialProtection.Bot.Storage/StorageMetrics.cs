using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// The Blob Storage store's instruments on the bot's one meter (<see cref="MeterName"/>, created through
/// <see cref="IMeterFactory"/>): the wait for a request slot (<see cref="BlobRequestGate"/>), each read and write at
/// Blob Storage, conditional writes refused because someone else wrote first, and operations that failed as
/// unavailable. Tags are fixed words, never keys (keys hold user ids). Names, units and tags: docs/operations.md.
/// </summary>
public sealed class StorageMetrics
{
    /// <summary>The bot's meter; the protocol and workshop layers record on the same name.</summary>
    public const string MeterName = "SocialProtection.Bot";

    public const string QueueDuration = "socialprotection.bot.storage.queue.duration";
    public const string ReadDuration = "socialprotection.bot.storage.read.duration";
    public const string WriteDuration = "socialprotection.bot.storage.write.duration";
    public const string Conflicts = "socialprotection.bot.storage.conflicts";
    public const string Unavailable = "socialprotection.bot.storage.unavailable";

    private readonly Histogram<double> _queue;
    private readonly Histogram<double> _read;
    private readonly Histogram<double> _write;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _unavailable;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _queue = meter.CreateHistogram<double>(QueueDuration, "s", "Waiting for a Blob Storage request slot (Storage:MaxConcurrentRequests).");
        _read = meter.CreateHistogram<double>(ReadDuration, "s", "One object read at Blob Storage, after its slot was taken.");
        _write = meter.CreateHistogram<double>(WriteDuration, "s", "One object write at Blob Storage, after its slot was taken.");
        _conflicts = meter.CreateCounter<long>(Conflicts, "{write}", "Conditional writes refused because the object changed since it was read (optimistic concurrency).");
        _unavailable = meter.CreateCounter<long>(Unavailable, "{operation}", "Store operations that failed as unavailable (after retries, or no request slot in time).");
    }

    public void Queued(long startedAt) => _queue.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    /// <summary><paramref name="result"/>: found, missing or failed.</summary>
    public void Read(long startedAt, string result) =>
        _read.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("storage.result", result));

    /// <summary><paramref name="result"/>: written, conflict or failed.</summary>
    public void Wrote(long startedAt, string result)
    {
        _write.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("storage.result", result));
        if (result == "conflict")
        {
            _conflicts.Add(1);
        }
    }

    /// <summary><paramref name="operation"/>: read, write, list, delete or lease.</summary>
    public void Failed(string operation) => _unavailable.Add(1, new KeyValuePair<string, object?>("storage.operation", operation));
}
