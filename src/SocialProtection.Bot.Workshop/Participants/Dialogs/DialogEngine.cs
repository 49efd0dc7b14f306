using System.Collections.Immutable;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;

namespace SocialProtection.Bot.Workshop.Participants.Dialogs;

/// <summary>
/// Runs a stack of dialogs: hands input to the innermost one, begins the children it asks for and resumes parents
/// with their children's results. Pure: no I/O, so a turn is "state + input → new state" and easy to test.
/// </summary>
internal sealed class DialogEngine<TState, TInput>
{
    private readonly Dictionary<string, IDialog<TState, TInput>> _dialogs;

    public DialogEngine(IEnumerable<IDialog<TState, TInput>> dialogs)
    {
        _dialogs = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Pushes <paramref name="frame"/> onto <paramref name="stack"/> and begins its dialog.</summary>
    public DialogRun<TState> Begin(TState state, DialogStack stack, DialogFrame frame)
    {
        var pushed = stack.Push(frame);
        return Settle(Find(frame.DialogId).Begin(state, frame), pushed);
    }

    /// <summary>Gives <paramref name="input"/> to the dialog on top of the stack.</summary>
    public DialogRun<TState> Continue(TState state, DialogStack stack, TInput input)
    {
        var top = stack.Top ?? throw new InvalidOperationException("No dialog is running.");
        return Settle(Find(top.DialogId).Continue(state, top, input), stack);
    }

    /// <summary>Ends the dialog on top as cancelled; its parent, if any, resumes with no result.</summary>
    public DialogRun<TState> CancelTop(TState state, DialogStack stack) =>
        stack.IsEmpty
            ? new DialogRun<TState>(state, stack, Ended: true, Result: null)
            : Settle(new DialogStep<TState>.End(state, null), stack);

    private IDialog<TState, TInput> Find(string dialogId) =>
        _dialogs.TryGetValue(dialogId, out var dialog)
            ? dialog
            : throw new InvalidOperationException($"No dialog is registered as '{dialogId}'.");

    // The stack's top frame is the dialog that produced `step`; each iteration applies one decision. A chain of
    // ends and begins is bounded by the stack depth, so the loop ends.
    private DialogRun<TState> Settle(DialogStep<TState> step, DialogStack stack)
    {
        while (true)
        {
            switch (step)
            {
                case DialogStep<TState>.Wait wait:
                    return new DialogRun<TState>(wait.State, stack.ReplaceTop(wait.Frame), Ended: false, Result: null);

                case DialogStep<TState>.BeginChild begin:
                    stack = stack.ReplaceTop(begin.Frame).Push(begin.Child);
                    step = Find(begin.Child.DialogId).Begin(begin.State, begin.Child);
                    break;

                case DialogStep<TState>.End end:
                    stack = stack.Pop();
                    if (stack.Top is not { } parent)
                    {
                        return new DialogRun<TState>(end.State, stack, Ended: true, end.Result);
                    }
                    step = Find(parent.DialogId).Resume(end.State, parent, end.Result);
                    break;

                default:
                    throw new InvalidOperationException($"Unknown dialog step {step.GetType().Name}.");
            }
        }
    }
}
