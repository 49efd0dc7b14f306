using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// The record read a typed turn starts with, begun while the handler still reads the participant's profile (which
/// workshop they are in), so a first turn waits for one round of reads instead of two in a row (issue 16). Only a head start: the turn's
/// write is conditional on the version read, so a read-ahead that turns out stale costs a redo, never an answer.
/// </summary>
internal sealed class ParticipantReadAhead(string workshopId, Task<Versioned<ParticipantRecord>?> record)
{
    /// <summary>The workshop read for: the one this participant's turns went to last on this instance, else the default.</summary>
    public string WorkshopId => workshopId;

    public Task<Versioned<ParticipantRecord>?> Record => record;

    /// <summary>Lets the read go unused (the participant is elsewhere, or the turn ended early) without an unobserved failure.</summary>
    public void Discard() => _ = record.ContinueWith(
        static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
