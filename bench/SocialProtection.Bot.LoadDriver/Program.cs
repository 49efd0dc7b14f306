using System.Globalization;
using SocialProtection.Bot.LoadDriver;

// dotnet run -c Release --project bench/SocialProtection.Bot.LoadDriver -- [participant counts, default 50,500,2000]
//     [--rounds R, default 3] [--bots ours|reference|ours,reference, default both]
var counts = (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && char.IsDigit(a[0])) ?? "50,500,2000")
    .Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
var rounds = Option("--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
var only = Option("--bots")?.Split(',') ?? ["ours", "reference"];
var invariant = CultureInfo.InvariantCulture;

await using var connector = await StubConnector.StartAsync();
var load = new TurnLoad(connector);
var starters = new (string Name, Func<string, string, Task<BotUnderTest>> Start)[]
{
    ("ours", BotUnderTest.StartOursAsync),
    ("reference", BotUnderTest.StartReferenceAsync),
}.Where(s => only.Contains(s.Name)).ToArray();
var results = new List<(int Round, TurnLoadResult Result)>();
var floors = new Dictionary<(int N, int Round), double[]>();
foreach (var n in counts)
{
    for (var round = 1; round <= rounds; round++)
    {
        // The floor of this round: the same burst shape with nothing but one read and one conditional write per turn.
        await using (var azurite = await BenchAzurite.StartAsync())
        {
            floors[(n, round)] = await StorageFloor.BurstAsync(azurite.ConnectionString, n, TurnLoad.TurnsPerParticipant);
        }
        // The machine's other load drifts: alternate which bot goes first.
        foreach (var (_, start) in round % 2 == 1 ? starters : Enumerable.Reverse(starters))
        {
            // A fresh Azurite and bot process per run: Azurite slows down as its in-memory store fills, and peak memory
            // must belong to that run alone.
            await using var azurite = await BenchAzurite.StartAsync();
            await using var bot = await start(azurite.ConnectionString, "load" + Guid.NewGuid().ToString("N")[..12]);
            Console.Error.WriteLine($"{bot.Name}: {n} participants, round {round}/{rounds}…");
            await using var counters = CountersRecording.StartIfAsked(bot, n, round);
            var result = await load.RunAsync(bot, n, azurite.ProcessId);
            results.Add((round, result));
            Console.Error.WriteLine($"  {result.TurnsPerSecond:F1} turns/s, p50 {result.Percentile(50):F0} ms, p99 {result.Percentile(99):F0} ms, max {result.Percentile(100):F0} ms, " +
                $"{result.Errors} errors, {result.OverTeamsWindow} turns over 15 s; first turns p50 {TurnLoadResult.Percentile(result.FirstTurnLatenciesMs, 50):F0} ms, max {TurnLoadResult.Percentile(result.FirstTurnLatenciesMs, 100):F0} ms");
        }
    }
}

Console.WriteLine($"Turn benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; each participant: start + 8 answers " +
    $"({TurnLoad.TurnsPerParticipant} turns); {rounds} rounds per bot and N");
Console.WriteLine();
Console.WriteLine("Every run (latency in ms; floor = the same burst doing one blob read + one conditional write per turn):");
Console.WriteLine();
Console.WriteLine("| N | round | bot | turns | turns/s | errors | over 15 s | p50 | p90 | p99 | p99.9 | max | first turns p50 / max | peak MB | bot CPU | Azurite CPU |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (round, x) in results.OrderBy(e => e.Result.Participants).ThenBy(e => e.Round).ThenBy(e => e.Result.Bot))
{
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | {2} | {3} | {4:F1} | {5} | {16} | {6:F0} | {7:F0} | {8:F0} | {9:F0} | {10:F0} | {11:F0} / {12:F0} | {13:F0} | {14:P0} | {15:P0} |",
        x.Participants, round, x.Bot, x.Turns, x.TurnsPerSecond, x.Errors, x.Percentile(50), x.Percentile(90), x.Percentile(99),
        x.Percentile(99.9), x.Percentile(100), TurnLoadResult.Percentile(x.FirstTurnLatenciesMs, 50), TurnLoadResult.Percentile(x.FirstTurnLatenciesMs, 100),
        x.PeakMemoryMb, x.BotCpuShare, x.AzuriteCpuShare, x.OverTeamsWindow));
}
foreach (var ((n, round), floor) in floors.OrderBy(f => f.Key.N).ThenBy(f => f.Key.Round))
{
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | floor | {2} | | 0 | | {3:F0} | {4:F0} | {5:F0} | {6:F0} | {7:F0} | | | | |",
        n, round, floor.Length, TurnLoadResult.Percentile(floor, 50), TurnLoadResult.Percentile(floor, 90), TurnLoadResult.Percentile(floor, 99),
        TurnLoadResult.Percentile(floor, 99.9), TurnLoadResult.Percentile(floor, 100)));
}

Console.WriteLine();
Console.WriteLine("Medians of the rounds, and ours against the reference and the floor (per round: ours ÷ the same round's):");
Console.WriteLine();
Console.WriteLine("| N | bot | turns/s | p50 | p90 | p99 | p99.9 | max | errors (sum) | p99 ÷ reference p99, per round | p99 ÷ floor p99, per round |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
foreach (var group in results.GroupBy(e => (e.Result.Participants, e.Result.Bot)))
{
    var runs = group.ToArray();
    double Median(Func<TurnLoadResult, double> f) => runs.Select(e => f(e.Result)).Order().ElementAt(runs.Length / 2);
    var (n, bot) = group.Key;
    var versusReference = string.Join(", ", runs.Select(e => results.FirstOrDefault(o => o.Round == e.Round && o.Result.Participants == n && o.Result.Bot != bot) is { Result: { } other }
        ? (e.Result.Percentile(99) / other.Percentile(99)).ToString("F2", invariant) : "–"));
    var versusFloor = string.Join(", ", runs.Select(e => (e.Result.Percentile(99) / TurnLoadResult.Percentile(floors[(n, e.Round)], 99)).ToString("F2", invariant)));
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | {2:F1} | {3:F0} | {4:F0} | {5:F0} | {6:F0} | {7:F0} | {8} | {9} | {10} |",
        n, bot, Median(x => x.TurnsPerSecond), Median(x => x.Percentile(50)), Median(x => x.Percentile(90)), Median(x => x.Percentile(99)),
        Median(x => x.Percentile(99.9)), Median(x => x.Percentile(100)), runs.Sum(e => e.Result.Errors), versusReference, versusFloor));
}

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
