using System.Text;
using SocialProtection.Bot.Workshop.Core;

namespace SocialProtection.Bot.Workshop.Core.Text;

/// <summary>
/// Puts Thai text into one canonical spelling before it is compared or counted: Unicode NFC, and SARA AM (ำ)
/// repaired where text copied from PDFs doubles it as "ำา" (นำาเสนอ → นำเสนอ) or spells it as NIKHAHIT + SARA AA.
/// </summary>
internal static class ThaiTextNormalizer
{
    private const char SaraAm = '\u0E33';
    private const char SaraAa = '\u0E32';
    private const char Nikhahit = '\u0E4D';

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return nfc.AsSpan().IndexOfAny(SaraAm, Nikhahit) < 0 ? nfc : RepairSaraAm(nfc);
    }

    private static string RepairSaraAm(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == SaraAm)
            {
                builder.Append(SaraAm);
                i++;
                // No Thai word has SARA AA right after SARA AM: the extra one is the PDF artefact.
                while (i < text.Length && text[i] == SaraAa)
                {
                    i++;
                }

                continue;
            }

            if (c == Nikhahit)
            {
                // NIKHAHIT, an optional tone mark, then SARA AA is the decomposed spelling of SARA AM (น ํ ้ า → น้ำ).
                var next = i + 1;
                var tone = next < text.Length && IsToneMark(text[next]) ? text[next] : '\0';
                var aa = tone == '\0' ? next : next + 1;
                if (aa < text.Length && text[aa] == SaraAa)
                {
                    if (tone != '\0')
                    {
                        builder.Append(tone);
                    }

                    builder.Append(SaraAm);
                    i = aa + 1;
                    while (i < text.Length && text[i] == SaraAa)
                    {
                        i++;
                    }

                    continue;
                }
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    private static bool IsToneMark(char c) => c is >= '\u0E48' and <= '\u0E4B';
}
