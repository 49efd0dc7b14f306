using System.Net;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Workshops;

namespace SocialProtection.Bot.Workshop.Facilitation;

/// <summary>
/// Recognises facilitator commands in a channel or group chat, after the bot's own @mention is removed: the English and
/// Thai words of the manifest's command list ("workshop new", "สร้างเวิร์กชอป", "summary", "สรุป", …) and a few more.
/// Teams sends a command picked from the list as its title, so both languages' titles are accepted. English words must
/// end at a space; Thai has no spaces, so a Thai command may run straight into its argument ("สรุปกลุ่ม 2").
/// Other people's mentions (<c>&lt;at&gt;…&lt;/at&gt;</c>) are removed from arguments: they are read from the mention entities.
/// </summary>
internal static partial class FacilitatorCommandParser
{
    private const int MaxLength = 500;

    private static readonly (string Phrase, Func<string?, FacilitatorCommand> Make)[] Phrases = Build(
    [
        (["help", "?", "ช่วยเหลือ", "วิธีใช้"], _ => new FacilitatorCommand.Help()),
        (["workshop new", "new workshop", "create workshop", "workshop create", "สร้างเวิร์กชอป", "สร้างเวิร์คชอป", "เวิร์กชอปใหม่"],
            arg => new FacilitatorCommand.NewWorkshop(arg)),
        (["progress", "ความคืบหน้า"], _ => new FacilitatorCommand.Progress()),
        (["summary", "summarize", "summarise", "สรุปผล", "สรุป"], arg => new FacilitatorCommand.Summary(arg)),
        (["report", "รายงาน"], _ => new FacilitatorCommand.Report()),
        (["facilitator add", "add facilitator", "เพิ่มวิทยากรกระบวนการ", "เพิ่มวิทยากร", "วิทยากร เพิ่ม"], arg => new FacilitatorCommand.AddFacilitator(arg)),
        (["facilitator remove", "remove facilitator", "ลบวิทยากรกระบวนการ", "ลบวิทยากร", "วิทยากร ลบ", "นำวิทยากรออก"], _ => new FacilitatorCommand.RemoveFacilitator()),
        (["records broken", "broken records", "records", "ข้อมูลเสีย"], _ => new FacilitatorCommand.BrokenRecords()),
        (["records repair", "repair record", "ซ่อมข้อมูล"], arg => new FacilitatorCommand.RepairRecord(arg)),
        (["records erase", "ล้างข้อมูลเสีย"], arg => new FacilitatorCommand.EraseRecord(arg)),
        (["workshop close", "close workshop", "close", "ปิดเวิร์กชอป", "ปิดเวิร์คชอป", "ปิดรับคำตอบ"], _ => new FacilitatorCommand.Close()),
        (["workshop reopen", "reopen workshop", "reopen", "workshop open", "เปิดเวิร์กชอปอีกครั้ง", "เปิดเวิร์กชอป", "เปิดรับคำตอบ"], _ => new FacilitatorCommand.Reopen()),
        (["vote reset", "votes reset", "reset votes", "reset vote", "ล้างคะแนนโหวต", "ล้างโหวต", "รีเซ็ตโหวต"], arg => new FacilitatorCommand.ResetVotes(arg)),
    ]);

    public static FacilitatorCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }
        var normalized = Normalize(text);
        foreach (var (phrase, make) in Phrases)
        {
            if (!normalized.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = normalized[phrase.Length..];
            if (rest.Length > 0 && rest[0] != ' ' && !IsThai(phrase[^1]))
            {
                continue;
            }
            rest = rest.Trim();
            return make(rest.Length == 0 ? null : rest);
        }
        return null;
    }

    /// <summary>True for a message that only mentions the bot: the bot answers with the command list.</summary>
    public static bool IsEmpty(string? text) => string.IsNullOrWhiteSpace(text) || Normalize(text).Length == 0;

    private static string Normalize(string text)
    {
        var decoded = WebUtility.HtmlDecode(text);
        decoded = Mention().Replace(decoded, " ");
        decoded = Tag().Replace(decoded, " ");
        return Whitespace().Replace(decoded, " ").Trim();
    }

    private static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    // Longest phrases first, so "สรุปผล" wins over "สรุป" and "workshop new" over nothing shorter.
    private static (string, Func<string?, FacilitatorCommand>)[] Build((string[] Phrases, Func<string?, FacilitatorCommand> Make)[] groups) =>
        [.. groups.SelectMany(g => g.Phrases.Select(p => (p, g.Make))).OrderByDescending(p => p.p.Length)];

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\s\u00A0\u200B]+")]
    private static partial Regex Whitespace();
}
