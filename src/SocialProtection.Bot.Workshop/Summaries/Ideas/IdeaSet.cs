namespace SocialProtection.Bot.Workshop.Summaries.Ideas;

/// <summary>The ideas found in a set of answers, and which answers said nothing substantive.</summary>
internal sealed class IdeaSet
{
    // Per input, per point (in text order): the index of the idea the point belongs to, or -1.
    private readonly int[][] _pointIdeas;

    internal IdeaSet(IReadOnlyList<Idea> ideas, IReadOnlyList<int> noSubstantive, int[][] pointIdeas)
    {
        Ideas = ideas;
        NoSubstantiveInputs = noSubstantive;
        _pointIdeas = pointIdeas;
    }

    /// <summary>The ideas, the most widely shared first (then the most distinctive).</summary>
    public IReadOnlyList<Idea> Ideas { get; }

    /// <summary>
    /// The inputs (indices, ascending) that name no topic at all: skip, "-", ไม่มี, ไม่มีความเห็น, เห็นด้วยกับข้างบน, n/a,
    /// punctuation or emoji only.
    /// </summary>
    public IReadOnlyList<int> NoSubstantiveInputs { get; }

    /// <summary>True when the input makes a point that none of the first <paramref name="ideaCount"/> ideas holds.</summary>
    public bool HasOwnPoint(int input, int ideaCount)
    {
        foreach (var idea in _pointIdeas[input])
        {
            if (idea < 0 || idea >= ideaCount)
            {
                return true;
            }
        }
        return false;
    }
}
