using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// The outcome of running the stack for one input: the new state and stack, and, when the outermost dialog ended,
/// its result.
/// </summary>
internal sealed record DialogRun<TState>(TState State, DialogStack Stack, bool Ended, ImmutableSortedDictionary<string, string>? Result);
