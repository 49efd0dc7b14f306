using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Localization;

/// <summary>A message for the participant, named by its <see cref="UiText"/> key and rendered in their language at the end of the turn.</summary>
internal sealed record Notice(string Key, NoticeTone Tone, ImmutableArray<string> Args)
{
    public static Notice Info(string key, params string[] args) => new(key, NoticeTone.Info, [.. args]);

    public static Notice Success(string key, params string[] args) => new(key, NoticeTone.Success, [.. args]);

    public static Notice Problem(string key, params string[] args) => new(key, NoticeTone.Problem, [.. args]);
}

internal enum NoticeTone
{
    Info,
    Success,

    /// <summary>Something the participant must fix (shown in the attention colour).</summary>
    Problem,
}
