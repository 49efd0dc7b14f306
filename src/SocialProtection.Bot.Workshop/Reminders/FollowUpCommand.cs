using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Text;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A facilitator's typed follow-up command, in Thai or English:
/// "followup" (the view), "followup plan 2/3/2569 14d 1m 3m before 3 cron 0 10 * * 1", "followup close", "followup open".
/// </summary>
public abstract record FollowUpCommand
{
    public static readonly IReadOnlyList<string> Words = ["followup", "follow-up", "ติดตามผล"];

    private FollowUpCommand() { }

    public sealed record ShowView : FollowUpCommand;

    public sealed record SetPlan(FollowUpPlanRequest Request) : FollowUpCommand;

    public sealed record Close : FollowUpCommand;

    public sealed record Reopen : FollowUpCommand;

    /// <summary>Not understood: <see cref="TextKey"/> names the reminder text to answer with, <see cref="Argument"/> fills it.</summary>
    public sealed record Invalid(string TextKey, string Argument = "") : FollowUpCommand;

    /// <summary>Reads the words after the command word.</summary>
    public static FollowUpCommand Parse(string? text)
    {
        var rest = CommandText.Rest(text);
        var tokens = rest.Split([' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return new ShowView();
        }

        return tokens[0].ToLowerInvariant() switch
        {
            "plan" or "แผน" => ParsePlan(tokens[1..]),
            "close" or "ปิด" => new Close(),
            "open" or "reopen" or "เปิด" => new Reopen(),
            "view" or "status" or "ดู" or "สถานะ" => new ShowView(),
            _ => new Invalid("plan.usage"),
        };
    }

    private static FollowUpCommand ParsePlan(string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return new Invalid("plan.usage");
        }

        if (!ThaiDateParser.TryParse(tokens[0], out var date))
        {
            return new Invalid("plan.badDate", tokens[0]);
        }

        var offsets = ImmutableArray.CreateBuilder<FollowUpOffset>();
        var before = ImmutableArray.CreateBuilder<int>();
        string? cron = null;
        var inBefore = false;
        for (var i = 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var lower = token.ToLowerInvariant();
            if (lower is "cron" or "ครอน")
            {
                cron = string.Join(' ', tokens[(i + 1)..]);
                break;
            }

            if (lower is "before" or "ก่อน")
            {
                inBefore = true;
                continue;
            }

            if (inBefore && int.TryParse(ThaiDigits.ToAscii(token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                before.Add(days);
                continue;
            }

            if (FollowUpOffset.TryParse(token, out var offset))
            {
                offsets.Add(offset);
                inBefore = false;
                continue;
            }

            return new Invalid("plan.badPart", token);
        }

        return new SetPlan(new FollowUpPlanRequest(date, offsets.ToImmutable(), before.ToImmutable(), string.IsNullOrWhiteSpace(cron) ? null : cron));
    }
}
