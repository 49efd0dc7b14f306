using System.Text;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Exports;

/// <summary>
/// One CSV field by RFC 4180 (quoted when it holds a comma, quote, CR or LF; quotes doubled), guarded against formula
/// injection: a value a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe,
/// as OWASP advises, so Excel shows it as text.
/// </summary>
internal static class CsvCell
{
    public static void Append(StringBuilder line, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = UnsafeCharacters.Remove(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
