using System.Diagnostics;
using System.Globalization;

namespace SocialProtection.Bot.Storage.Tests;

/// <summary>
/// This test assembly doubles as a small program, so a test can start a real second OS process that writes
/// to the same local store folder: <c>dotnet SocialProtection.Bot.Storage.Tests.dll ledger-writer ROOT KEY WRITER ROUNDS</c>.
/// </summary>
public static class LedgerWriterProcess
{
    private const string Verb = "ledger-writer";
    private const string ReadySignal = "ready";
    private const string GoSignal = "go";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Verb, var root, var key, var writer, var roundsText]
            || !int.TryParse(roundsText, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds))
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} ROOT KEY WRITER ROUNDS");
            return 2;
        }

        var store = new FileObjectStore(root);
        // Start together with the other writers: say ready, wait for "go" on standard input.
        await Console.Out.WriteLineAsync(ReadySignal);
        await Console.Out.FlushAsync();
        if (await Console.In.ReadLineAsync() != GoSignal)
        {
            return 3;
        }

        await AppendAsync(store, key, writer, rounds);
        return 0;
    }

    /// <summary>Appends "WRITER:ROUND" for each round to the ledger at <paramref name="key"/>, one update per round.</summary>
    public static async Task AppendAsync(IObjectStore store, string key, string writer, int rounds)
    {
        var json = new JsonObjectStore(store, new JsonObjectStoreOptions { MaxUpdateAttempts = 10_000 });
        for (var round = 0; round < rounds; round++)
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"{writer}:{round}");
            await json.UpdateAsync<Ledger>(key, current => UpdateDecision.Write(new Ledger([.. current?.Entries ?? [], entry])), default);
        }
    }

    /// <summary>Waits until every writer is ready, then lets them all go at once.</summary>
    public static async Task ReleaseTogetherAsync(IReadOnlyList<Process> writers)
    {
        foreach (var writer in writers)
        {
            var line = await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            if (line != ReadySignal)
            {
                throw new InvalidOperationException($"A writer process said '{line}' instead of '{ReadySignal}': {await writer.StandardError.ReadToEndAsync()}");
            }
        }

        foreach (var writer in writers)
        {
            await writer.StandardInput.WriteLineAsync(GoSignal);
            await writer.StandardInput.FlushAsync();
        }
    }

    /// <summary>Starts this assembly as a writer process; it waits for <see cref="ReleaseTogetherAsync"/>.</summary>
    public static Process Start(string root, string key, string writer, int rounds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(LedgerWriterProcess).Assembly.Location, Verb, root, key, writer, rounds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The writer process did not start.");
    }
}
