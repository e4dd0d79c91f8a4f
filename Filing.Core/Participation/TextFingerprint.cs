using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Participation;

/// <summary>
/// Recognises "the same text" the way a person reading two submissions would: Unicode compatibility forms folded
/// (full-width ＡＢＣ１２３ and half-width ABC123 are one), case ignored, and whitespace and punctuation dropped, so that
/// "不同意第三条。" and " 不同意第三条 ! " are duplicates. Used to link obvious duplicate comments and objections to the
/// first one instead of counting them twice or losing them.
/// </summary>
public static class TextFingerprint
{
    /// <summary>The normalised form of <paramref name="text"/> (may be empty when it holds only punctuation).</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || IsPunctuationOrSymbol(category))
            {
                continue;
            }

            sb.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return sb.ToString();
    }

    /// <summary>SHA-256 (lowercase hex) of the normalised text: what duplicates are matched on.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(text))));

    private static bool IsPunctuationOrSymbol(UnicodeCategory category) => category is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
        or UnicodeCategory.OtherSymbol or UnicodeCategory.Format;
}
