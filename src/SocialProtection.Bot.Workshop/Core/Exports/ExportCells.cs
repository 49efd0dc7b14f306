using System.Globalization;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Core.Exports;

/// <summary>
/// The cells of one export row that a question kind fills: the answer as a person reads it and, for a date or a
/// commitment, the rest. <see cref="CommitmentId"/> names the commitment whose follow-up status the row shows.
/// </summary>
internal sealed record ExportCells(string Answer, string Organisation = "", string Due = "", string DateIso = "", string? CommitmentId = null)
{
    /// <summary>"31 ธันวาคม พ.ศ. 2569 (ค.ศ. 2026)": both eras, as every date a person reads.</summary>
    public static string BothEras(DateOnly date) => ThaiDateFormatter.Format(date, Language.Thai);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
