using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>What a dialog decided for this turn, with the new state.</summary>
internal abstract record DialogStep<TState>(TState State)
{
    /// <summary>Stay on the stack as <see cref="Frame"/> and wait for the next input.</summary>
    public sealed record Wait(TState State, DialogFrame Frame) : DialogStep<TState>(State);

    /// <summary>Stay as <see cref="Frame"/> and start <see cref="Child"/> on top of it.</summary>
    public sealed record BeginChild(TState State, DialogFrame Frame, DialogFrame Child) : DialogStep<TState>(State);

    /// <summary>Leave the stack; the parent resumes with <see cref="Result"/> (null: cancelled).</summary>
    public sealed record End(TState State, ImmutableSortedDictionary<string, string>? Result) : DialogStep<TState>(State);
}
