using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Typed JSON documents over an <see cref="IObjectStore"/>, and the one way features change a shared
/// document: <see cref="UpdateAsync{T}"/>, an optimistic read-modify-write that never lets two writers
/// overwrite each other.
/// </summary>
public sealed class JsonObjectStore
{
    private readonly IObjectStore _store;
    private readonly JsonObjectStoreOptions _options;
    private readonly ILogger _logger;

    public JsonObjectStore(IObjectStore store, JsonObjectStoreOptions? options = null, ILogger<JsonObjectStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new JsonObjectStoreOptions();
        if (_options.MaxUpdateAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxUpdateAttempts, "MaxUpdateAttempts must be at least 1.");
        }

        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The document and its ETag, or null when there is none. Throws <see cref="StoredDataCorruptException"/> if it is not valid JSON of <typeparamref name="T"/>.</summary>
    public async Task<Versioned<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken) where T : class
    {
        var stored = await _store.GetAsync(key, cancellationToken);
        return stored is null ? null : new Versioned<T>(Deserialize<T>(stored), stored.ETag);
    }

    /// <summary>Writes the document if <paramref name="condition"/> holds; returns the new ETag.</summary>
    public Task<string> WriteAsync<T>(string key, T value, WriteCondition condition, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return _store.PutAsync(key, BinaryData.FromObjectAsJson(value, _options.SerializerOptions), condition, cancellationToken);
    }

    /// <summary>
    /// Reads the document (null when missing), applies <paramref name="mutate"/> and writes the result only
    /// over the version it read. When someone else wrote first, it reads again and re-applies, with a short
    /// jittered pause, up to <see cref="JsonObjectStoreOptions.MaxUpdateAttempts"/> times, then throws
    /// <see cref="ConcurrencyConflictException"/>. <paramref name="mutate"/> must be pure: it may run several
    /// times and only the last run's decision counts. A damaged document is never overwritten
    /// (<see cref="StoredDataCorruptException"/>).
    /// </summary>
    public async Task<UpdateResult<T>> UpdateAsync<T>(string key, Func<T?, UpdateDecision<T>> mutate, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(mutate);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync<T>(key, cancellationToken);
            var decision = mutate(current?.Value);
            if (!decision.HasChange)
            {
                return new UpdateResult<T>(current?.Value, current?.ETag, Changed: false, attempt);
            }

            var condition = current is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(current.ETag);
            try
            {
                var etag = await WriteAsync(key, decision.Value!, condition, cancellationToken);
                return new UpdateResult<T>(decision.Value, etag, Changed: true, attempt);
            }
            catch (PreconditionFailedException e) when (attempt >= _options.MaxUpdateAttempts)
            {
                _logger.LogWarning("An update gave up after {Attempts} lost races", attempt);
                throw new ConcurrencyConflictException(key, attempt, e);
            }
            catch (PreconditionFailedException)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }
        }
    }

    private T Deserialize<T>(StoredObject stored) where T : class
    {
        T? value;
        try
        {
            value = stored.Content.ToObjectFromJson<T>(_options.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new StoredDataCorruptException(stored.Key, $"it is not valid JSON for {typeof(T).Name} ({e.Message})", e);
        }

        return value ?? throw new StoredDataCorruptException(stored.Key, "it holds JSON null");
    }

    /// <summary>Exponential back-off with full jitter, so racing writers spread out instead of colliding again.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var ceiling = Math.Min(
            _options.MaxRetryDelay.TotalMilliseconds,
            _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
