namespace Filing.Core.Participation;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0–9 or X) computed with ISO 7064 MOD 11-2.
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Whether <paramref name="text"/> is an 18-character number with a valid check character and a real birth date.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            sum += (text[i] - '0') * Weights[i];
        }

        var check = char.ToUpperInvariant(text[17]);
        if (check != CheckCharacters[sum % 11])
        {
            return false;
        }

        var year = ((text[6] - '0') * 1000) + ((text[7] - '0') * 100) + ((text[8] - '0') * 10) + (text[9] - '0');
        var month = ((text[10] - '0') * 10) + (text[11] - '0');
        var day = ((text[12] - '0') * 10) + (text[13] - '0');
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>The check character for the first 17 digits of <paramref name="first17"/> (for tests and data generation).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
