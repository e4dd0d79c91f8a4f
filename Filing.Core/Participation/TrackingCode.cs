using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Participation;

/// <summary>
/// The human-friendly handle of an objection, e.g. <c>2024-7K3M-9QX2</c>: the year of receipt and eight characters of
/// Crockford base32 (no I, L, O or U, so it survives being read aloud or retyped). It identifies; it does not
/// authorise — reading the objection also needs the secret.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code for an objection received in <paramref name="year"/> (40 random bits).</summary>
    public static string New(int year)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var sb = new StringBuilder(14);
        sb.Append(year.ToString("D4", CultureInfo.InvariantCulture)).Append('-');
        for (var i = 0; i < 8; i++)
        {
            if (i == 4)
            {
                sb.Append('-');
            }

            sb.Append(Alphabet[random[i] & 31]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The canonical form of a code as typed (any case, spaces or no hyphens, O for 0, I or L for 1), or null when it
    /// cannot be one.
    /// </summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var chars = new StringBuilder(12);
        foreach (var raw in text)
        {
            if (raw is '-' or ' ' or '—' or '－')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Append(c);
        }

        if (chars.Length != 12 || !char.IsAsciiDigit(chars[0]) || !char.IsAsciiDigit(chars[1]) || !char.IsAsciiDigit(chars[2]) || !char.IsAsciiDigit(chars[3]))
        {
            return null;
        }

        var s = chars.ToString();
        return $"{s[..4]}-{s[4..8]}-{s[8..]}";
    }
}
