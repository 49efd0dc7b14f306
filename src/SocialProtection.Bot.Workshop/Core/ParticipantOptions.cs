using System.ComponentModel.DataAnnotations;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core;

/// <summary>The participant dialog's settings, from the "Workshop" configuration section.</summary>
internal sealed class ParticipantOptions
{
    public const string SectionName = "Workshop";

    /// <summary>The workshop that personal chats answer into until facilitators create workshops.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", ErrorMessage = "Workshop:DefaultWorkshopId must be 1 to 64 of A-Z, a-z, 0-9, '_' or '-'.")]
    public string DefaultWorkshopId { get; set; } = "default";

    /// <summary>
    /// The default workshop's language ("th" or "en"): what participants read there until they choose their own.
    /// Workshops created in a channel carry their own (Thai unless set).
    /// </summary>
    [RegularExpression("^(th|en)$", ErrorMessage = "Workshop:DefaultLanguage must be th or en.")]
    public string DefaultLanguage { get; set; } = "th";

    /// <summary>A workshop's own question set (JSON file); empty for the set that ships with the bot.</summary>
    public string? QuestionSetPath { get; set; }

    /// <summary>How often a turn is redone when another turn of the same participant saved first.</summary>
    [Range(1, 20)]
    public int MaxTurnAttempts { get; set; } = 8;

    /// <summary>
    /// How many participant records each instance remembers (with their ETags) so an answer is saved without reading
    /// the record first (<see cref="ParticipantRecordCache"/>); 0 reads every time. A record is about 1–20 KB.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RecordCacheSize { get; set; } = 10_000;
}
