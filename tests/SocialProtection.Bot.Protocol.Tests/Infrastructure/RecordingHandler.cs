using System.Collections.Concurrent;
using SocialProtection.Bot.Protocol.Schema;
using SocialProtection.Bot.Protocol.Turns;

namespace SocialProtection.Bot.Protocol.Tests.Infrastructure;

/// <summary>A turn handler that records what reached it and does what the test says.</summary>
public sealed class RecordingHandler : IActivityHandler
{
    private readonly ConcurrentQueue<Activity> _turns = new();

    public Func<ITurnContext, CancellationToken, Task<InvokeResponse?>> OnTurn { get; set; } = (_, _) => Task.FromResult<InvokeResponse?>(null);

    public IReadOnlyList<Activity> Turns => [.. _turns];

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        _turns.Enqueue(turn.Activity);
        return await OnTurn(turn, cancellationToken);
    }
}
