namespace SocialProtection.Bot.Workshop.Reports.Docx;

/// <summary>A table column: its heading, its share of the text width (twips) and whether it holds numbers (right-aligned).</summary>
internal sealed record DocxTableColumn(string Heading, int Width, bool Numeric = false);
