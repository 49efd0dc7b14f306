using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>The running dialogs, innermost last. Immutable: every change returns a new stack.</summary>
internal sealed record DialogStack(ImmutableList<DialogFrame> Frames)
{
    /// <summary>Deep enough for a dialog with a sub-dialog and some slack; deeper means a bug, not a user.</summary>
    public const int MaxDepth = 8;

    public static DialogStack Empty { get; } = new(ImmutableList<DialogFrame>.Empty);

    [JsonIgnore]
    public bool IsEmpty => Frames.IsEmpty;

    [JsonIgnore]
    public DialogFrame? Top => Frames.IsEmpty ? null : Frames[^1];

    [JsonIgnore]
    public DialogFrame? Parent => Frames.Count < 2 ? null : Frames[^2];

    public DialogStack Push(DialogFrame frame)
    {
        if (Frames.Count >= MaxDepth)
        {
            throw new InvalidOperationException($"The dialog stack is already {MaxDepth} deep.");
        }
        return new(Frames.Add(frame));
    }

    public DialogStack Pop() => Frames.IsEmpty ? this : new(Frames.RemoveAt(Frames.Count - 1));

    public DialogStack ReplaceTop(DialogFrame frame) => Frames.IsEmpty ? Push(frame) : new(Frames.SetItem(Frames.Count - 1, frame));

    /// <summary>A stack holding only <paramref name="frame"/>.</summary>
    public static DialogStack Of(DialogFrame frame) => new([frame]);
}
