using System.Collections.Immutable;
using SocialProtection.Bot.Protocol.Routing;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders;

/// <summary>
/// A facilitator's typed follow-up command, in Thai or English:
/// "followup" (the view), "followup plan" (the plan form card), "followup plan [2/3/2569] 0d 14d 1m 3m before 3 cron 0 10 * * 1"
/// (the same typed, for power users), "followup close", "followup open".
/// </summary>
internal abstract record FollowUpCommand
{
    public static readonly IReadOnlyList<string> Words = ["followup", "follow-up", "ติดตามผล"];

    /// <summary>Whether <paramref name="text"/> starts with a follow-up command word.</summary>
    public static bool Matches(string? text) =>
        CommandText.FirstWord(text) is { } first && Words.Contains(first, StringComparer.OrdinalIgnoreCase);

    private FollowUpCommand() { }

    public sealed record ShowView : FollowUpCommand;

    /// <summary>Set the plan; <see cref="WorkshopDate"/> is null when the facilitator left it to the workshop's own date.</summary>
    public sealed record SetPlan(DateOnly? WorkshopDate, ImmutableArray<FollowUpOffset> AfterWorkshop, ImmutableArray<int> DaysBeforeDue, string? RecurringCron) : FollowUpCommand
    {
        public FollowUpPlanRequest For(DateOnly workshopDate) => new(workshopDate, AfterWorkshop, DaysBeforeDue, RecurringCron);
    }

    /// <summary>"followup plan" alone: the plan form card.</summary>
    public sealed record EditPlan : FollowUpCommand;

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
            return new EditPlan();
        }

        // The date may be left out when the workshop was set up in the channel (its date is known).
        DateOnly? date = null;
        var first = 0;
        if (!FollowUpOffset.TryParse(tokens[0], out _, out var firstIsOffset) && tokens[0].ToLowerInvariant() is not ("before" or "ก่อน" or "cron" or "ครอน"))
        {
            if (firstIsOffset)
            {
                return new Invalid("plan.badOffset", tokens[0]);
            }

            if (!ThaiDateParser.TryParse(tokens[0], out var given))
            {
                return new Invalid("plan.badDate", tokens[0]);
            }

            date = given;
            first = 1;
        }

        var offsets = ImmutableArray.CreateBuilder<FollowUpOffset>();
        var before = ImmutableArray.CreateBuilder<int>();
        string? cron = null;
        var inBefore = false;
        for (var i = first; i < tokens.Length; i++)
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

            if (FollowUpOffset.TryParse(token, out var offset, out var looksLikeOffset))
            {
                offsets.Add(offset);
                inBefore = false;
                continue;
            }

            return new Invalid(looksLikeOffset ? "plan.badOffset" : "plan.badPart", token);
        }

        return new SetPlan(date, offsets.ToImmutable(), before.ToImmutable(), string.IsNullOrWhiteSpace(cron) ? null : cron);
    }
}
