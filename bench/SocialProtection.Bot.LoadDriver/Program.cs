using System.Globalization;
using SocialProtection.Bot.LoadDriver;

// dotnet run -c Release --project bench/SocialProtection.Bot.LoadDriver -- [participant counts, default 50,500,2000] [--rounds R, default 3]
var counts = (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "50,500,2000")
    .Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 3;
var invariant = CultureInfo.InvariantCulture;

await using var connector = await StubConnector.StartAsync();
var load = new TurnLoad(connector);
var starters = new (string Name, Func<string, string, Task<BotUnderTest>> Start)[]
{
    ("ours", BotUnderTest.StartOursAsync),
    ("reference", BotUnderTest.StartReferenceAsync),
};
var results = new List<TurnLoadResult>();
foreach (var n in counts)
{
    for (var round = 1; round <= rounds; round++)
    {
        // The machine's other load drifts: alternate which bot goes first.
        foreach (var (_, start) in round % 2 == 1 ? starters : Enumerable.Reverse(starters))
        {
            // A fresh Azurite and bot process per run: Azurite slows down as its in-memory store fills, and peak memory
            // must belong to that run alone.
            await using var azurite = await BenchAzurite.StartAsync();
            await using var bot = await start(azurite.ConnectionString, "load" + Guid.NewGuid().ToString("N")[..12]);
            Console.Error.WriteLine($"{bot.Name}: {n} participants, round {round}/{rounds}…");
            var result = await load.RunAsync(bot, n, azurite.ProcessId);
            results.Add(result);
            Console.Error.WriteLine($"  {result.TurnsPerSecond:F1} turns/s, p99 {result.Percentile(99):F0} ms, {result.Errors} errors");
        }
    }
}
StorageFloor.Result floor;
await using (var azurite = await BenchAzurite.StartAsync())
{
    floor = await StorageFloor.MeasureAsync(azurite.ConnectionString, concurrency: 50, TimeSpan.FromSeconds(10));
}

Console.WriteLine($"Turn benchmark, {DateTime.UtcNow:yyyy-MM-dd} UTC, {Environment.ProcessorCount} cores; each participant: start + 8 answers (9 turns); " +
    $"{rounds} rounds per bot and N, the round with the median turns/s shown");
Console.WriteLine();
Console.WriteLine("| N | bot | turns | turns/s (range) | p50 ms | p90 ms | p99 ms | errors | peak MB | bot CPU | Azurite CPU | driver CPU |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var medians = new List<TurnLoadResult>();
foreach (var group in results.GroupBy(r => (r.Participants, r.Bot)))
{
    var ordered = group.OrderBy(r => r.TurnsPerSecond).ToArray();
    var r = ordered[ordered.Length / 2];
    medians.Add(r);
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | {2} | {3:F1} ({4:F0}–{5:F0}) | {6:F0} | {7:F0} | {8:F0} | {9} | {10:F0} | {11:P0} | {12:P0} | {13:P0} |",
        r.Participants, r.Bot, r.Turns, r.TurnsPerSecond, ordered[0].TurnsPerSecond, ordered[^1].TurnsPerSecond, r.Percentile(50), r.Percentile(90),
        r.Percentile(99), group.Sum(x => x.Errors), r.PeakMemoryMb, r.BotCpuShare, r.AzuriteCpuShare, r.DriverCpuShare));
}
Console.WriteLine();
Console.WriteLine("| N | ours / reference: turns/s | p50 | p90 | p99 | peak MB |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var pair in medians.Chunk(2).Where(p => p.Length == 2))
{
    var (o, r) = (pair[0], pair[1]);
    Console.WriteLine(string.Format(invariant, "| {0} | {1:F2} | {2:F2} | {3:F2} | {4:F2} | {5:F2} |",
        o.Participants, o.TurnsPerSecond / r.TurnsPerSecond, o.Percentile(50) / r.Percentile(50), o.Percentile(90) / r.Percentile(90),
        o.Percentile(99) / r.Percentile(99), o.PeakMemoryMb / r.PeakMemoryMb));
}
Console.WriteLine();
Console.WriteLine(string.Format(invariant,
    "Storage floor on Azurite, one caller: read + conditional write p50 {0:F1} ms, p99 {1:F1} ms; conditional write alone p50 {2:F1} ms, p99 {3:F1} ms. " +
    "{4} callers: {5:F0} read + write round trips/s, {6:F0} writes/s alone.",
    floor.RoundTripP50Ms, floor.RoundTripP99Ms, floor.WriteP50Ms, floor.WriteP99Ms, floor.Concurrency, floor.RoundTripsPerSecond, floor.WritesPerSecond));
