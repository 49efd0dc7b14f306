using System.Collections.Immutable;
using System.Text.Json;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Records;
using SocialProtection.Bot.Workshop.Participants.Dialogs;
using SocialProtection.Bot.Workshop.Core.Storage;

namespace SocialProtection.Bot.Workshop.Tests.Dialogs;

public sealed class DialogEngineTests
{
    /// <summary>Asks for two words; on "child" it asks a sub-dialog for one and uses its result.</summary>
    private sealed class TwoWords : IDialog<ImmutableList<string>, string>
    {
        public string Id => "two";

        public DialogStep<ImmutableList<string>> Begin(ImmutableList<string> state, DialogFrame frame) =>
            new DialogStep<ImmutableList<string>>.Wait(state.Add("ask first"), frame);

        public DialogStep<ImmutableList<string>> Continue(ImmutableList<string> state, DialogFrame frame, string input)
        {
            if (input == "child")
            {
                return new DialogStep<ImmutableList<string>>.BeginChild(state, frame, DialogFrame.Start("one"));
            }
            return Take(state, frame, input);
        }

        public DialogStep<ImmutableList<string>> Resume(ImmutableList<string> state, DialogFrame frame, ImmutableSortedDictionary<string, string>? result) =>
            result is null ? new DialogStep<ImmutableList<string>>.Wait(state.Add("child cancelled"), frame) : Take(state, frame, result["word"]);

        private static DialogStep<ImmutableList<string>> Take(ImmutableList<string> state, DialogFrame frame, string word)
        {
            var filled = frame.With("word" + frame.Step, word);
            return frame.Step == 1
                ? new DialogStep<ImmutableList<string>>.End(state.Add("done"), filled.Values)
                : new DialogStep<ImmutableList<string>>.Wait(state.Add("ask second"), filled.AtStep(1));
        }
    }

    private sealed class OneWord : IDialog<ImmutableList<string>, string>
    {
        public string Id => "one";

        public DialogStep<ImmutableList<string>> Begin(ImmutableList<string> state, DialogFrame frame) =>
            new DialogStep<ImmutableList<string>>.Wait(state.Add("child asks"), frame);

        public DialogStep<ImmutableList<string>> Continue(ImmutableList<string> state, DialogFrame frame, string input) =>
            new DialogStep<ImmutableList<string>>.End(state, ImmutableSortedDictionary<string, string>.Empty.Add("word", input.ToUpperInvariant()));

        public DialogStep<ImmutableList<string>> Resume(ImmutableList<string> state, DialogFrame frame, ImmutableSortedDictionary<string, string>? result) =>
            throw new InvalidOperationException("No children.");
    }

    private readonly DialogEngine<ImmutableList<string>, string> _engine = new([new TwoWords(), new OneWord()]);

    [Fact]
    public void Steps_advance_and_the_dialog_ends_with_its_values()
    {
        var run = _engine.Begin([], DialogStack.Empty, DialogFrame.Start("two"));
        run = _engine.Continue(run.State, run.Stack, "alpha");
        run = _engine.Continue(run.State, run.Stack, "beta");

        Assert.True(run.Ended);
        Assert.True(run.Stack.IsEmpty);
        Assert.Equal(["ask first", "ask second", "done"], run.State);
        Assert.Equal(("alpha", "beta"), (run.Result!["word0"], run.Result["word1"]));
    }

    [Fact]
    public void A_child_dialog_runs_on_top_and_its_parent_resumes_with_its_result()
    {
        var run = _engine.Begin([], DialogStack.Empty, DialogFrame.Start("two"));
        run = _engine.Continue(run.State, run.Stack, "child");
        Assert.Equal(["two", "one"], run.Stack.Frames.Select(f => f.DialogId));

        run = _engine.Continue(run.State, run.Stack, "gamma");

        Assert.Equal("two", Assert.Single(run.Stack.Frames).DialogId);
        Assert.Equal(1, run.Stack.Top!.Step);
        Assert.Equal("GAMMA", run.Stack.Top.Get("word0"));
    }

    [Fact]
    public void Cancelling_a_child_resumes_the_parent_without_a_result()
    {
        var run = _engine.Begin([], DialogStack.Empty, DialogFrame.Start("two"));
        run = _engine.Continue(run.State, run.Stack, "child");

        run = _engine.CancelTop(run.State, run.Stack);

        Assert.Equal("child cancelled", run.State[^1]);
        Assert.Equal(0, Assert.Single(run.Stack.Frames).Step);
    }

    [Fact]
    public void The_stack_survives_a_round_trip_through_storage_and_resumes_where_it_was()
    {
        var run = _engine.Begin([], DialogStack.Empty, DialogFrame.Start("two"));
        run = _engine.Continue(run.State, run.Stack, "alpha");
        run = _engine.Continue(run.State, run.Stack, "child");

        var json = JsonSerializer.Serialize(run.Stack, StoredJson.Options);
        var restored = JsonSerializer.Deserialize<DialogStack>(json, StoredJson.Options)!;
        var next = new DialogEngine<ImmutableList<string>, string>([new TwoWords(), new OneWord()]).Continue([], restored, "delta");

        Assert.True(next.Ended);
        Assert.Equal(("alpha", "DELTA"), (next.Result!["word0"], next.Result["word1"]));
    }

    [Fact]
    public void A_stack_deeper_than_the_limit_is_refused()
    {
        var stack = DialogStack.Empty;
        for (var i = 0; i < DialogStack.MaxDepth; i++)
        {
            stack = stack.Push(DialogFrame.Start("one"));
        }
        Assert.Throws<InvalidOperationException>(() => stack.Push(DialogFrame.Start("one")));
    }
}
