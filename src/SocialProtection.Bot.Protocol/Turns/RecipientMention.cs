using SocialProtection.Bot.Protocol.Schema;

namespace SocialProtection.Bot.Protocol.Turns;

/// <summary>
/// Removes the bot's own @mention from a message ("&lt;at&gt;Bot&lt;/at&gt; edit 3" → "edit 3"), so commands read the
/// same in a channel or group chat as in a personal chat. Only mentions of the recipient are removed.
/// </summary>
public static class RecipientMention
{
    public static Activity Strip(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Text is not { } text)
        {
            return activity;
        }
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.IsMentionOf(activity.Recipient?.Id) && entity.Text is { Length: > 0 } mention)
            {
                text = text.Replace(mention, "", StringComparison.Ordinal);
            }
        }
        return activity with { Text = text.Trim() };
    }
}
