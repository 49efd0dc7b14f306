using System.Text.Json;

namespace SocialProtection.Bot.Workshop.Core.Records;

/// <summary>
/// A participant record written by a newer version of the bot (a higher schema version), met during a rolling
/// deployment. It is not damaged: it must be neither overwritten nor offered for repair, and the turn is simply tried
/// again later, when this instance has been replaced.
/// </summary>
internal sealed class NewerRecordVersionException(string message) : JsonException(message)
{
    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the record is from a newer bot.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NewerRecordVersionException)
            {
                return true;
            }
        }
        return false;
    }
}
