using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>A column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column(IReadOnlyList<AdaptiveElement> Items)
{
    [JsonPropertyOrder(-10)]
    public string Type { get; } = "Column";

    public string? Id { get; init; }

    /// <summary>"auto", "stretch", a weight ("2") or pixels ("50px").</summary>
    public string? Width { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public Spacing? Spacing { get; init; }
}
