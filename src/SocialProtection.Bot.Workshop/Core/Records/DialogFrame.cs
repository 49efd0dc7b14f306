using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// One running dialog on the stack: which dialog, which step it waits on, and the values it has gathered so far.
/// Plain data so the whole stack can be stored and resumed after a restart.
/// </summary>
internal sealed record DialogFrame(string DialogId, int Step, ImmutableSortedDictionary<string, string> Values)
{
    /// <summary>A new frame for <paramref name="dialogId"/> at <paramref name="step"/>, with no values yet.</summary>
    public static DialogFrame Start(string dialogId, int step = 0) => new(dialogId, step, ImmutableSortedDictionary<string, string>.Empty);

    public string? Get(string name) => Values.GetValueOrDefault(name);

    public DialogFrame With(string name, string? value) =>
        this with { Values = value is null ? Values.Remove(name) : Values.SetItem(name, value) };

    public DialogFrame AtStep(int step) => this with { Step = step };
}
