using Filing.Core.Documents;
using Filing.Core.Text;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// The look-up forms of document numbers, applied alike to what is stored and what a caller types, so that
/// <c>桐政发[2018]47号</c>, <c>桐政发〔2018〕第047号</c> and <c>桐政发 〔2018〕 47 号</c> all find 桐政发〔2018〕47号, and
/// <c>atld00－2018－0001</c> finds ATLD00-2018-0001.
/// </summary>
public static class DocumentNumberKey
{
    /// <summary>The 发文字号 key: the canonical form when it parses, else the text without spaces, full-width folded.</summary>
    public static string? Of(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            return null;
        }

        var folded = Squash(TextNormalizer.Normalize(documentNumber));
        var key = DocumentNumberParser.Normalize(folded) ?? DocumentNumberParser.Normalize(documentNumber) ?? folded;
        return key.Length > 100 ? key[..100] : key;
    }

    /// <summary>The 统一编号 key: upper case, half-width, no spaces, every dash a hyphen.</summary>
    public static string? UnifiedNumber(string? unifiedNumber)
    {
        if (string.IsNullOrWhiteSpace(unifiedNumber))
        {
            return null;
        }

        var folded = Squash(TextNormalizer.Normalize(unifiedNumber)).ToUpperInvariant();
        return string.Concat(folded.Select(c => c is '－' or '—' or '–' or '‐' or '‑' or '−' or '_' ? '-' : c));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
