using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// A dialog: a sequence of steps that waits for input between them (like a Bot Framework waterfall), may start a
/// child dialog and resumes with its result (like a component dialog). Pure: it gets the turn's state and returns
/// the new state; side effects are described in <typeparamref name="TState"/> and carried out by the caller.
/// </summary>
internal interface IDialog<TState, in TInput>
{
    string Id { get; }

    /// <summary>The dialog was just pushed with <paramref name="frame"/> (its step and any initial values).</summary>
    DialogStep<TState> Begin(TState state, DialogFrame frame);

    /// <summary>Input arrived while this dialog is on top of the stack.</summary>
    DialogStep<TState> Continue(TState state, DialogFrame frame, TInput input);

    /// <summary>
    /// A child dialog this one began has ended; <paramref name="result"/> is its result, or null when it was cancelled.
    /// </summary>
    DialogStep<TState> Resume(TState state, DialogFrame frame, ImmutableSortedDictionary<string, string>? result);
}
