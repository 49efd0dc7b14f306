using System.Text;

namespace SocialProtection.Bot.Storage;

/// <summary>
/// Where <see cref="FileObjectStore"/> keeps one key's files. Key folders become directories, so a
/// workshop's objects never crowd one directory. Beside segment name <c>s</c> live <c>s~obj</c>
/// (the object), <c>s~tmp</c> (a write in progress), <c>s~lease</c> and <c>s~lease~tmp</c>;
/// '~' never occurs in a key, so "a" and "a/b" can both exist and no object can pose as a helper file.
/// Upper-case letters are written as '^' + the lower-case letter, so keys that differ only in case
/// stay apart on case-insensitive file systems (Windows, macOS); Windows device names get a "^_" prefix.
/// </summary>
internal sealed record FileObjectPaths(string Directory, string Object, string Temp, string Lease, string LeaseTemp)
{
    public const string ObjectSuffix = "~obj";

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    public static FileObjectPaths For(string objectsRoot, string key)
    {
        var segments = key.Split('/');
        var directory = objectsRoot;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            directory = Path.Combine(directory, EscapeSegment(segments[i]));
        }

        var name = Path.Combine(directory, EscapeSegment(segments[^1]));
        return new FileObjectPaths(directory, name + ObjectSuffix, name + "~tmp", name + "~lease", name + "~lease~tmp");
    }

    /// <summary>The directory holding the objects whose keys start with these whole segments.</summary>
    public static string DirectoryFor(string objectsRoot, IEnumerable<string> wholeSegments) =>
        wholeSegments.Aggregate(objectsRoot, (directory, segment) => Path.Combine(directory, EscapeSegment(segment)));

    /// <summary>The key of an object file, or null for anything that is not an object file.</summary>
    public static string? KeyOf(string objectsRoot, string objectFile)
    {
        if (!objectFile.EndsWith(ObjectSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = Path.GetRelativePath(objectsRoot, objectFile[..^ObjectSuffix.Length]);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        var key = new StringBuilder(relative.Length);
        foreach (var part in parts)
        {
            if (UnescapeSegment(part) is not { } segment)
            {
                return null;
            }

            key.Append(key.Length == 0 ? "" : "/").Append(segment);
        }

        var result = key.ToString();
        return StorageKey.IsValid(result) ? result : null;
    }

    private static string EscapeSegment(string segment)
    {
        var builder = new StringBuilder(segment.Length + 4);
        var stem = segment.Split('.')[0];
        if (WindowsDeviceNames.Contains(stem))
        {
            builder.Append("^_");
        }

        foreach (var c in segment)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                builder.Append('^').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? UnescapeSegment(string name)
    {
        var builder = new StringBuilder(name.Length);
        var start = name.StartsWith("^_", StringComparison.Ordinal) ? 2 : 0;
        for (var i = start; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '~')
            {
                return null;
            }

            if (c == '^')
            {
                if (i + 1 >= name.Length || !char.IsAsciiLetterLower(name[i + 1]))
                {
                    return null;
                }

                builder.Append(char.ToUpperInvariant(name[++i]));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
