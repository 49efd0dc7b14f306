using System.Globalization;
using SocialProtection.Bot.LoadDriver;

// dotnet run -c Release --project bench/SocialProtection.Bot.LoadDriver -- [participant counts, default 50,500,2000]
var counts = (args.Length > 0 ? args[0] : "50,500,2000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
var invariant = CultureInfo.InvariantCulture;

await using var azurite = await BenchAzurite.StartAsync();
await using var connector = await StubConnector.StartAsync();
var load = new TurnLoad(connector);
var results = new List<TurnLoadResult>();
foreach (var n in counts)
{
    foreach (var start in new Func<string, string, Task<BotUnderTest>>[] { BotUnderTest.StartOursAsync, BotUnderTest.StartReferenceAsync })
    {
        // A fresh process and container per run, so peak memory belongs to that run alone.
        await using var bot = await start(azurite.ConnectionString, "load" + Guid.NewGuid().ToString("N")[..12]);
        Console.Error.WriteLine($"{bot.Name}: {n} participants…");
        var result = await load.RunAsync(bot, n, azurite.ProcessId);
        results.Add(result);
        Console.Error.WriteLine($"  {result.TurnsPerSecond:F1} turns/s, p99 {result.Percentile(99):F0} ms, {result.Errors} errors");
    }
}
var floor = await StorageFloor.MeasureAsync(azurite.ConnectionString, concurrency: 50, TimeSpan.FromSeconds(10));

Console.WriteLine($"Turn benchmark, {DateTime.UtcNow:yyyy-MM-dd} UTC, {Environment.ProcessorCount} cores; each participant: start + 8 answers (9 turns)");
Console.WriteLine();
Console.WriteLine("| N | bot | turns | turns/s | p50 ms | p90 ms | p99 ms | errors | peak MB | bot CPU | Azurite CPU |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | {2} | {3:F1} | {4:F0} | {5:F0} | {6:F0} | {7} | {8:F0} | {9:P0} | {10:P0} |",
        r.Participants, r.Bot, r.Turns, r.TurnsPerSecond, r.Percentile(50), r.Percentile(90), r.Percentile(99), r.Errors, r.PeakMemoryMb, r.BotCpuShare, r.AzuriteCpuShare));
}
Console.WriteLine();
Console.WriteLine("| N | ours / reference: turns/s | p50 | p90 | p99 | peak MB |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var pair in results.Chunk(2).Where(p => p.Length == 2))
{
    var (o, r) = (pair[0], pair[1]);
    Console.WriteLine(string.Format(invariant, "| {0} | {1:F2} | {2:F2} | {3:F2} | {4:F2} | {5:F2} |",
        o.Participants, o.TurnsPerSecond / r.TurnsPerSecond, o.Percentile(50) / r.Percentile(50), o.Percentile(90) / r.Percentile(90),
        o.Percentile(99) / r.Percentile(99), o.PeakMemoryMb / r.PeakMemoryMb));
}
Console.WriteLine();
Console.WriteLine(string.Format(invariant, "Storage floor (read + conditional write on Azurite): alone p50 {0:F1} ms, p99 {1:F1} ms; {2} callers: {3:F0} round trips/s",
    floor.P50Ms, floor.P99Ms, floor.Concurrency, floor.RoundTripsPerSecond));
