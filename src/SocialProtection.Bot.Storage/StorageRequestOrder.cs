using System.Diagnostics;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// The place in line of the storage requests made for one piece of work (a turn): all of them queue as of the moment
/// the work began, so a turn's later requests (its writes) go before the first requests of turns that began after it.
/// Under a burst, turns then finish in the order they arrived instead of all finishing late together (issue 16).
/// Requests made outside any such work queue as of the moment they are made.
/// </summary>
public static class StorageRequestOrder
{
    private static readonly AsyncLocal<long> Began = new();

    /// <summary>Marks the rest of this asynchronous flow (and what it starts) as one piece of work beginning now.</summary>
    public static void BeginWork() => Began.Value = Stopwatch.GetTimestamp();

    /// <summary>When the current piece of work began (a <see cref="Stopwatch"/> timestamp), or null outside one.</summary>
    internal static long? Current => Began.Value is var began and not 0 ? began : null;
}
