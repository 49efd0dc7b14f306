using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialProtection.Bot.Workshop.Core.Diagnostics;

/// <summary>
/// The workshop's instruments on the bot's one meter (the protocol and storage layers record on the same name):
/// rendering a participant's cards, participant turns redone after losing a race, turns refused because the store
/// was unavailable, proactive reminder sends by kind and outcome, and whether this instance holds the sending lease.
/// Tags are fixed words, never ids or text. Names, units and tags: docs/operations.md.
/// </summary>
internal sealed class WorkshopMetrics
{
    public const string MeterName = "SocialProtection.Bot";

    public const string CardRenderDuration = "socialprotection.bot.card.render.duration";
    public const string TurnConflicts = "socialprotection.bot.turn.conflicts";
    public const string StorageRefusals = "socialprotection.bot.turn.storage_refusals";
    public const string ReminderSends = "socialprotection.bot.reminder.sends";
    public const string SenderHolder = "socialprotection.bot.sender.holder";

    private readonly Histogram<double> _render;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _reminders;
    private Func<bool>? _isHolder;

    public WorkshopMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _render = meter.CreateHistogram<double>(CardRenderDuration, "s", "Building the replies (Adaptive Cards) of a participant's turn.");
        _conflicts = meter.CreateCounter<long>(TurnConflicts, "{turn}", "Participant turns redone because another turn of the same participant saved first.");
        _refusals = meter.CreateCounter<long>(StorageRefusals, "{turn}", "Participant turns answered 'try again' because the store was unavailable or the races never ended.");
        _reminders = meter.CreateCounter<long>(ReminderSends, "{reminder}", "Proactive reminders by kind and outcome.");
        meter.CreateObservableUpDownCounter(SenderHolder, () => _isHolder?.Invoke() == true ? 1 : 0, "{instance}",
            "1 on the instance that holds the sending lease (sends proactively), 0 on the others.");
    }

    /// <summary>Builds the replies with <paramref name="render"/> and records how long it took.</summary>
    public IReadOnlyList<T> Render<T>(Func<IEnumerable<T>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var started = Stopwatch.GetTimestamp();
        var replies = render().ToList();
        _render.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return replies;
    }

    public void TurnRedone() => _conflicts.Add(1);

    /// <summary><paramref name="reason"/>: storage_unavailable or conflicts.</summary>
    public void TurnRefused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("refusal.reason", reason));

    /// <summary><paramref name="kind"/>: a follow-up kind or finish_answers; <paramref name="outcome"/>: sent, failed, retrying, cancelled or throttled.</summary>
    public void Reminder(string kind, string outcome) =>
        _reminders.Add(1, new TagList { { "reminder.kind", kind }, { "reminder.outcome", outcome } });

    /// <summary>Where the sending-lease gauge reads from (set once by the leadership).</summary>
    public void ObserveHolder(Func<bool> isHolder) => _isHolder = isHolder;
}
