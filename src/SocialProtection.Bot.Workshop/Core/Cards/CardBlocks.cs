using SocialProtection.Bot.Protocol.Cards;

namespace SocialProtection.Bot.Workshop.Core.Cards;

/// <summary>The text blocks every card shows answers with.</summary>
internal static class CardBlocks
{
    /// <summary>Text a participant typed: a RichTextBlock, where markdown and links are not parsed.</summary>
    public static RichTextBlock UserText(string text, string? label = null)
    {
        var runs = new List<TextRun>();
        if (label is not null)
        {
            runs.Add(new TextRun(label) { IsSubtle = true });
        }
        runs.Add(new TextRun(text));
        return new RichTextBlock(runs);
    }
}
