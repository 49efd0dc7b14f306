using SkiaSharp;

namespace SocialProtection.Bot.Workshop.Reports.Charts;

/// <summary>
/// The typeface chart labels are drawn in: the first face that has Thai letters, looked for by family name (the
/// government's TH Sarabun New first, then faces shipped by Debian's fonts-thai-tlwg, Google's and Windows'), then by
/// asking the font manager for any face with Thai, then by font files in the usual folders (the Linux native assets
/// have no fontconfig, so family lookup may find nothing). Null when the machine has no Thai face: charts then label
/// bars with their row numbers, which the table beside each chart repeats.
/// </summary>
internal static class ChartTypeface
{
    private const char ThaiKoKai = 'ก';

    private static readonly string[] Families =
    [
        "TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman", "Noto Sans Thai", "Noto Sans Thai UI", "Garuda", "Loma",
        "Norasi", "Leelawadee UI", "Leelawadee", "Tahoma",
    ];

    private static readonly string[] FileNames =
    [
        "THSarabunNew.ttf", "Sarabun-Regular.ttf", "Laksaman.ttf", "Laksaman.otf", "NotoSansThai-Regular.ttf", "Garuda.ttf", "Garuda.otf",
        "Loma.ttf", "Loma.otf", "Norasi.ttf", "LeelawUI.ttf", "tahoma.ttf",
    ];

    private static readonly Lazy<SKTypeface?> Found = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Thai-capable face of this machine (found once), or null.</summary>
    public static SKTypeface? Thai => Found.Value;

    private static SKTypeface? Find()
    {
        try
        {
            var manager = SKFontManager.Default;
            foreach (var family in Families)
            {
                if (HasThai(manager.MatchFamily(family)) is { } face)
                {
                    return face;
                }
            }
            if (HasThai(manager.MatchCharacter(ThaiKoKai)) is { } any)
            {
                return any;
            }
            foreach (var file in FontFiles())
            {
                if (HasThai(SKTypeface.FromFile(file)) is { } face)
                {
                    return face;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            // No fonts or no native Skia: charts fall back to numbered labels, or to the tables alone.
        }
        return null;
    }

    private static SKTypeface? HasThai(SKTypeface? face)
    {
        if (face is null)
        {
            return null;
        }
        using (var font = new SKFont(face))
        {
            if (font.GetGlyph(ThaiKoKai) != 0)
            {
                return face;
            }
        }
        face.Dispose();
        return null;
    }

    private static IEnumerable<string> FontFiles()
    {
        var folders = new List<string> { "/usr/share/fonts", "/usr/local/share/fonts" };
        if (Environment.GetFolderPath(Environment.SpecialFolder.Fonts) is { Length: > 0 } system)
        {
            folders.Add(system);
        }
        if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home)
        {
            folders.Add(Path.Combine(home, ".fonts"));
            folders.Add(Path.Combine(home, ".local", "share", "fonts"));
        }
        var wanted = new HashSet<string>(FileNames, StringComparer.OrdinalIgnoreCase);
        var found = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            found.AddRange(Directory.EnumerateFiles(folder, "*.*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 })
                .Where(f => wanted.Contains(Path.GetFileName(f))));
        }
        // In the order of preference of FileNames.
        return found.OrderBy(f => Array.FindIndex(FileNames, n => string.Equals(n, Path.GetFileName(f), StringComparison.OrdinalIgnoreCase)));
    }
}
