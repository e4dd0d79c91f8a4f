using System.Text.RegularExpressions;

namespace Filing.Core.Participation;

/// <summary>
/// Hides personal data a citizen typed into text that is shown publicly (a comment on a draft): mobile and landline
/// numbers, e-mail addresses and 身份证号码 become 〔已隐去〕. The handling office still sees the original. Deliberately
/// pattern-based and conservative: it masks what is unmistakably a contact detail or an ID number, not names.
/// </summary>
public static partial class PersonalDataRedactor
{
    /// <summary>What replaces a hidden detail.</summary>
    public const string Mask = "〔已隐去〕";

    /// <summary>The text with contact details and ID numbers masked; the same instance when there were none.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Email().Replace(text, Mask);
        result = IdNumber().Replace(result, m => ChineseIdNumber.IsValid(m.Value) ? Mask : m.Value);
        result = Mobile().Replace(result, Mask);
        result = Landline().Replace(result, Mask);
        return result;
    }

    /// <summary>Whether <paramref name="text"/> holds something <see cref="Redact"/> would mask.</summary>
    public static bool ContainsPersonalData(string text) => Redact(text) != text;

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    // 11-digit mainland mobile numbers, optionally with +86 and separators (138 1234 5678, 138-1234-5678).
    [GeneratedRegex(@"(?<![0-9])(?:\+?86[\s\-]?)?1[3-9][0-9](?:[\s\-]?[0-9]{4}){2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    // Landlines with an area code: 0571-12345678, (0571)1234567, 0571 1234 5678.
    [GeneratedRegex(@"(?<![0-9])(?:\(0[1-9][0-9]{1,2}\)|（0[1-9][0-9]{1,2}）|0[1-9][0-9]{1,2}[\s\-])[\s\-]?[0-9]{3,4}[\s\-]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();
}
