using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialProtection.Bot.Protocol.Diagnostics;

/// <summary>
/// The protocol layer's instruments on the bot's one meter (<see cref="MeterName"/>, created through
/// <see cref="IMeterFactory"/>): the whole turn through /api/messages and its first phase (authenticate, read and
/// parse the activity), turns by activity type and outcome, every Bot Connector call, and the connector's 429s.
/// Tags are a handful of fixed words: never ids, names or text. Names, units and tags: docs/operations.md.
/// </summary>
public sealed class ProtocolMetrics
{
    /// <summary>The meter every layer of the bot records on (storage and workshop use the same name).</summary>
    public const string MeterName = "SocialProtection.Bot";

    public const string TurnDuration = "socialprotection.bot.turn.duration";
    public const string TurnReceiveDuration = "socialprotection.bot.turn.receive.duration";
    public const string Turns = "socialprotection.bot.turns";
    public const string ConnectorDuration = "socialprotection.bot.connector.request.duration";
    public const string ConnectorThrottled = "socialprotection.bot.connector.throttled";

    private static readonly string[] KnownTypes = ["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing"];

    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _receiveDuration;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _connectorDuration;
    private readonly Counter<long> _throttled;

    public ProtocolMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>(TurnDuration, "s", "A turn through /api/messages, from the request to the answer (replies sent, state saved).");
        _receiveDuration = meter.CreateHistogram<double>(TurnReceiveDuration, "s", "Authenticating, reading and parsing the incoming activity.");
        _turns = meter.CreateCounter<long>(Turns, "{turn}", "Requests to /api/messages by activity type and outcome.");
        _connectorDuration = meter.CreateHistogram<double>(ConnectorDuration, "s", "One Bot Connector call (send, reply, update, create conversation, members), retries included.");
        _throttled = meter.CreateCounter<long>(ConnectorThrottled, "{response}", "429 (Too Many Requests) answers from the Bot Connector, each attempt counted.");
    }

    /// <summary>The activity was authenticated, read and parsed; its turn starts now.</summary>
    public void Received(long startedAt) => _receiveDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    /// <summary>A request ended: <paramref name="outcome"/> is one of <see cref="TurnOutcome"/>'s words.</summary>
    public void TurnEnded(string? activityType, string outcome, long startedAt)
    {
        var tags = new TagList { { "activity.type", TypeTag(activityType) }, { "turn.outcome", outcome } };
        _turns.Add(1, tags);
        if (outcome is TurnOutcome.Completed or TurnOutcome.Failed)
        {
            _turnDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
        }
    }

    public void ConnectorCall(string operation, bool succeeded, long startedAt) =>
        _connectorDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new TagList { { "connector.operation", operation }, { "connector.outcome", succeeded ? "success" : "failure" } });

    public void Throttled() => _throttled.Add(1);

    private static string TypeTag(string? type) =>
        type is null ? "unknown" : KnownTypes.FirstOrDefault(t => t.Equals(type, StringComparison.OrdinalIgnoreCase)) ?? "other";
}
