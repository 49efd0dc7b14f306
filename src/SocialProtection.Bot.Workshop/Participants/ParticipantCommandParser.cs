using System.Globalization;
using System.Text.RegularExpressions;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Participants;

/// <summary>
/// Recognises commands typed in personal chat, Thai and English words alike. A command is the whole message
/// ("เริ่ม", "edit 3", "แก้ไข๓", "ภาษา อังกฤษ"), never a prefix: Thai has no spaces, so an answer that merely begins
/// with a command word ("เริ่มจากการสร้างเครือข่าย…") must stay an answer.
/// </summary>
internal static partial class ParticipantCommandParser
{
    private static readonly Dictionary<string, ParticipantCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = new ParticipantCommand.Help(),
        ["?"] = new ParticipantCommand.Help(),
        ["ช่วยเหลือ"] = new ParticipantCommand.Help(),
        ["วิธีใช้"] = new ParticipantCommand.Help(),
        ["start"] = new ParticipantCommand.Start(),
        ["เริ่ม"] = new ParticipantCommand.Start(),
        ["เริ่มต้น"] = new ParticipantCommand.Start(),
        ["continue"] = new ParticipantCommand.Continue(),
        ["resume"] = new ParticipantCommand.Continue(),
        ["ทำต่อ"] = new ParticipantCommand.Continue(),
        ["status"] = new ParticipantCommand.Status(),
        ["สถานะ"] = new ParticipantCommand.Status(),
        ["review"] = new ParticipantCommand.Review(),
        ["ทบทวน"] = new ParticipantCommand.Review(),
        ["cancel"] = new ParticipantCommand.Cancel(),
        ["ยกเลิก"] = new ParticipantCommand.Cancel(),
        ["language"] = new ParticipantCommand.OtherLanguage(),
        ["lang"] = new ParticipantCommand.OtherLanguage(),
        ["ภาษา"] = new ParticipantCommand.OtherLanguage(),
        ["skip"] = new ParticipantCommand.Skip(),
        ["ข้าม"] = new ParticipantCommand.Skip(),
        ["back"] = new ParticipantCommand.Back(),
        ["ย้อนกลับ"] = new ParticipantCommand.Back(),
        ["ย้อน"] = new ParticipantCommand.Back(),
    };

    private static readonly Dictionary<string, Language> LanguageWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["th"] = Language.Thai,
        ["thai"] = Language.Thai,
        ["ไทย"] = Language.Thai,
        ["en"] = Language.English,
        ["english"] = Language.English,
        ["อังกฤษ"] = Language.English,
    };

    public static ParticipantCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        var trimmed = Whitespace().Replace(text.Trim(), " ");
        if (Words.TryGetValue(trimmed, out var command))
        {
            return command;
        }
        if (EditPattern().Match(trimmed) is { Success: true } edit)
        {
            // A number too big for int is still an edit command: the participant is told the valid range.
            return new ParticipantCommand.Edit(
                int.TryParse(ThaiDigits.ToAscii(edit.Groups["n"].Value), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        }
        if (LanguagePattern().Match(trimmed) is { Success: true } language
            && LanguageWords.TryGetValue(language.Groups["l"].Value, out var chosen))
        {
            return new ParticipantCommand.ChooseLanguage(chosen);
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:edit|แก้ไข|แก้) ?(?<n>[0-9๐-๙]{1,12})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditPattern();

    [GeneratedRegex(@"^(?:language|lang|ภาษา) ?(?<l>\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
