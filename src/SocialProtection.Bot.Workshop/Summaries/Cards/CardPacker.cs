using System.Buffers;
using System.Text;
using System.Text.Json;
using SocialProtection.Bot.Protocol.Cards;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Summaries.Cards;

/// <summary>
/// Fills cards with sections, block by block, so that no card's JSON passes the byte budget and nothing is dropped:
/// every block lands on exactly one card, in order. Sizes are exact: a card's JSON is its envelope plus each body
/// element's own JSON plus one comma between elements, all counted at two bytes per UTF-16 code unit.
/// </summary>
internal sealed class CardPacker(int maxBytes, Func<int, int, IReadOnlyList<AdaptiveElement>> frame, Func<IReadOnlyList<AdaptiveElement>, AdaptiveCard> envelope)
{
    // The frame is measured with the widest part numbers it can show, so the real numbers only make it smaller.
    private const int WidestPartNumber = 9999;

    private readonly int _baseBytes = Bytes(envelope(frame(WidestPartNumber, WidestPartNumber)));

    /// <summary>Bytes left for a section's heading and one block on an otherwise empty card.</summary>
    public int Capacity => maxBytes - _baseBytes;

    // Elements are measured as UTF-8 in a reused per-thread buffer, then counted in UTF-16 code units, so measuring
    // thousands of answers allocates no JSON strings. The writer uses the card serializer's encoder, so the count is
    // exactly that of the card's own JSON.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = AdaptiveCardJson.Options.Encoder,
        MaxDepth = AdaptiveCardJson.Options.MaxDepth,
    };

    public static int Bytes(AdaptiveCard card) => AdaptiveCardJson.Utf16ByteCount(card);

    /// <summary>An element's JSON size within a body, its separating comma included.</summary>
    public static int Bytes(AdaptiveElement element)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, element, AdaptiveCardJson.Options);
        }
        return (Encoding.UTF8.GetCharCount(buffer.WrittenSpan) + 1) * 2;
    }

    public static int Bytes(IEnumerable<AdaptiveElement> elements) => elements.Sum(Bytes);

    public IReadOnlyList<AdaptiveCard> Pack(IEnumerable<CardSection> sections)
    {
        var bodies = new List<List<AdaptiveElement>>();
        List<AdaptiveElement>? current = null;
        var used = 0;
        foreach (var section in sections)
        {
            var headingBytes = Bytes(section.Heading);
            var continuedBytes = Bytes(section.ContinuedHeading);
            var sectionOpen = false;
            for (var i = 0; i < section.Blocks.Count; i++)
            {
                var block = section.Blocks[i].Elements;
                var blockBytes = section.Blocks[i].Bytes;
                var heading = i == 0 ? section.Heading : section.ContinuedHeading;
                var needed = blockBytes + (sectionOpen ? 0 : i == 0 ? headingBytes : continuedBytes);
                if (current is null || _baseBytes + used + needed > maxBytes)
                {
                    current = [];
                    bodies.Add(current);
                    used = 0;
                    sectionOpen = false;
                    needed = blockBytes + (i == 0 ? headingBytes : continuedBytes);
                    if (_baseBytes + needed > maxBytes)
                    {
                        throw new InvalidOperationException(
                            $"A block of {blockBytes} bytes cannot fit a card of {maxBytes} bytes; it should have been split.");
                    }
                }
                if (!sectionOpen)
                {
                    current.AddRange(heading);
                    sectionOpen = true;
                }
                current.AddRange(block);
                used += needed;
            }
        }

        if (bodies.Count > WidestPartNumber)
        {
            throw new InvalidOperationException($"The content needs more than {WidestPartNumber} cards.");
        }
        return bodies
            .Select((body, index) => envelope([.. frame(index + 1, bodies.Count), .. body]))
            .ToList();
    }
}
