using System.Globalization;
using System.Text;
using SocialProtection.Bot.Storage;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.DataRights;

/// <summary>
/// Names a downloaded file after the workshop: the title as typed (Thai kept, characters no file system accepts
/// dropped) for the UTF-8 <c>filename*</c>, and an ASCII fallback from the workshop id.
/// </summary>
internal static class DownloadFileName
{
    private const int MaxTitleLength = 80;

    public static (string FileName, string AsciiFileName) For(string title, string workshopId, string artifact, DateOnly day, string extension)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentException.ThrowIfNullOrEmpty(workshopId);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ascii = $"workshop-{StorageKey.Segment(workshopId)}-{artifact}-{date}.{extension}";
        var slug = Slug(title);
        return (slug.Length == 0 ? ascii : $"{slug}-{artifact}-{date}.{extension}", ascii);
    }

    private static string Slug(string title)
    {
        var slug = new StringBuilder(Math.Min(title.Length, MaxTitleLength));
        var dash = false;
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (slug.Length >= MaxTitleLength)
            {
                break;
            }
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(rune.ToString());
                dash = false;
            }
            else if (!dash && slug.Length > 0)
            {
                slug.Append('-');
                dash = true;
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
