using Azure.Core;
using Azure.Core.Pipeline;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Counts how many times the client sent one logical request (1 + its retries). Only a retried write can
/// have met its own earlier, successful attempt, so only then is a "412 changed" worth a second look.
/// </summary>
internal sealed class RequestAttemptCounter
{
    private const string PropertyName = "SocialProtection.Bot.Storage.Attempts";

    private int _attempts;

    /// <summary>0 when the client has no <see cref="Policy"/> (nothing is known then).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Counts the requests sent while the returned scope is open.</summary>
    public IDisposable Track() =>
        HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [PropertyName] = this });

    /// <summary>Add per retry to a client's options so every attempt is counted.</summary>
    public static HttpPipelinePolicy Policy { get; } = new CountingPolicy();

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.TryGetProperty(PropertyName, out var value) && value is RequestAttemptCounter counter)
            {
                Interlocked.Increment(ref counter._attempts);
            }
        }
    }
}
