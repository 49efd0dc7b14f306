using System.Text;

namespace SocialProtection.Bot.TestSupport;

/// <summary>The validator's findings for a batch of cards, in the order they were given.</summary>
public sealed record CardValidationReport(IReadOnlyList<CardValidationResult> Cards)
{
    /// <summary>No card has an error.</summary>
    public bool IsValid => Cards.All(c => c.IsValid);

    /// <summary>No card has an error or a warning.</summary>
    public bool IsClean => Cards.All(c => c.IsClean);

    /// <summary>Every problem of every card, one per line, for assertion messages; "no issues" when there are none.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var card in Cards.Where(c => !c.IsClean))
        {
            foreach (var issue in card.Issues)
            {
                text.Append("card ").Append(card.Index).Append(": ").Append(issue).AppendLine();
            }
        }

        return text.Length == 0 ? "no issues" : text.ToString();
    }
}
