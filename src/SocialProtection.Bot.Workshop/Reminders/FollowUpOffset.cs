using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SocialProtection.Bot.Workshop.Core;
using SocialProtection.Bot.Workshop.Core.Text;

namespace SocialProtection.Bot.Workshop.Reminders;

public enum OffsetUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>
/// How long after the workshop a follow-up goes out: "0d" (the workshop day), "14d", "2w", "1m", "3m". Months are
/// calendar months (31 January + 1m = 28 or 29 February).
/// </summary>
internal sealed record FollowUpOffset
{
    public const int MaxDays = 730;

    public FollowUpOffset(int amount, OffsetUnit unit)
    {
        var days = unit switch
        {
            OffsetUnit.Days => amount,
            OffsetUnit.Weeks => amount * 7,
            OffsetUnit.Months => amount * 31,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
        };
        // 0 is the workshop day itself (any unit).
        if (amount < 0 || days > MaxDays + 31)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An offset is between 0 days (the workshop day) and 2 years.");
        }

        Amount = amount;
        Unit = unit;
    }

    public int Amount { get; }

    public OffsetUnit Unit { get; }

    public DateOnly AddTo(DateOnly date) => Unit switch
    {
        OffsetUnit.Days => date.AddDays(Amount),
        OffsetUnit.Weeks => date.AddDays(Amount * 7),
        _ => date.AddMonths(Amount),
    };

    /// <summary>The compact form, e.g. "14d", "2w", "3m"; also the offset's identity in reminder ids.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        OffsetUnit.Days => "d",
        OffsetUnit.Weeks => "w",
        _ => "m",
    };

    /// <summary>Reads "0d", "14d", "2w", "3m" (also "14 days", "2 weeks", "3 months", "14 วัน", "2 สัปดาห์", "๓ เดือน").</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FollowUpOffset? offset) => TryParse(text, out offset, out _);

    /// <summary>As <see cref="TryParse(string?, out FollowUpOffset?)"/>; <paramref name="looksLikeOffset"/> tells a number with a
    /// unit that is out of range ("900d") from text that is no offset at all (a date, a word).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FollowUpOffset? offset, out bool looksLikeOffset)
    {
        offset = null;
        looksLikeOffset = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = ThaiDigits.ToAscii(text.Trim());

        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 4
            || !int.TryParse(trimmed.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        OffsetUnit? unit = trimmed[digits..].Trim().ToLowerInvariant() switch
        {
            "d" or "day" or "days" or "วัน" => OffsetUnit.Days,
            "w" or "week" or "weeks" or "สัปดาห์" => OffsetUnit.Weeks,
            "m" or "month" or "months" or "เดือน" => OffsetUnit.Months,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        looksLikeOffset = true;

        try
        {
            offset = new FollowUpOffset(amount, unit.Value);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
