namespace SocialProtection.Bot.Storage;

/// <summary>
/// What an update function decided: write this new value, or leave the stored object as it is.
/// <c>default</c> means no change.
/// </summary>
public readonly record struct UpdateDecision<T>
{
    internal UpdateDecision(T value)
    {
        Value = value;
        HasChange = true;
    }

    /// <summary>True when <see cref="Value"/> is to be written.</summary>
    public bool HasChange { get; }

    public T? Value { get; }
}

/// <summary>Builds <see cref="UpdateDecision{T}"/> values with the type inferred: <c>UpdateDecision.Write(next)</c>.</summary>
public static class UpdateDecision
{
    public static UpdateDecision<T> Write<T>(T value) where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new UpdateDecision<T>(value);
    }

    public static UpdateDecision<T> NoChange<T>() where T : class => default;
}
