using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialProtection.Bot.Protocol.Cards;

/// <summary>
/// What a card button carries and gets back, merged with the card's inputs. A feature derives one record with exactly
/// the fields its cards write; the card builder serialises it into the button and the router reads a press back into
/// the same record, once (<see cref="CardDataJson"/>). A field the record does not have, a value of the wrong type or
/// a field given twice makes the press malformed. Everything in it is untrusted user input.
/// </summary>
public abstract record CardData
{
    /// <summary>The verb, repeated in the data for <c>Action.Submit</c> (which has no verb of its own).</summary>
    public string? Verb { get; init; }

    /// <summary>Teams may add its own block to submitted data; it is accepted and never read.</summary>
    [JsonPropertyName("msteams")]
    public JsonElement? Teams { get; init; }

    /// <summary>Checks the types cannot express (lengths, patterns, ranges); a press that fails them is refused unread.</summary>
    public virtual bool IsWellFormed() => true;
}

/// <summary>The data of a button that carries nothing but its verb.</summary>
public sealed record NoCardData : CardData;
