using System.Globalization;
using System.Text;

namespace Filing.Api.Register;

/// <summary>
/// Opaque page cursors: base64url of a small tagged text. Clients pass back what they got; anything else is a 400.
/// </summary>
internal static class Cursor
{
    public static string Encode(string kind, params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + "|" + string.Join("|", parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, string kind, int parts, out string[] values)
    {
        values = [];
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200)
        {
            return false;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (text.Length != parts + 1 || text[0] != kind)
            {
                return false;
            }

            values = text[1..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The 400 message for a cursor this list did not issue.</summary>
    public const string Foreign = "Not a cursor from this list: pass back nextCursor unchanged.";

    /// <summary>Reads an id cursor; null when absent; a cursor this list did not issue is recorded in <paramref name="errors"/>.</summary>
    public static Guid? ReadId(string? cursor, string kind, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
        {
            return null;
        }

        if (TryDecode(cursor, kind, 1, out var parts) && Guid.TryParse(parts[0], out var id))
        {
            return id;
        }

        errors["cursor"] = [Foreign];
        return null;
    }

    /// <summary>Reads a sequence-number cursor; 0 when absent; a foreign cursor is recorded in <paramref name="errors"/>.</summary>
    public static int ReadNumber(string? cursor, string kind, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
        {
            return 0;
        }

        if (TryDecode(cursor, kind, 1, out var parts) && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var after))
        {
            return after;
        }

        errors["cursor"] = [Foreign];
        return 0;
    }

    /// <summary>Reads a (date, id) keyset cursor; null when absent; a foreign cursor is recorded in <paramref name="errors"/>.</summary>
    public static (DateOnly Date, Guid Id)? ReadDateAndId(string? cursor, string kind, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
        {
            return null;
        }

        if (TryDecode(cursor, kind, 2, out var parts) && TryParseDate(parts[0], out var date) && Guid.TryParse(parts[1], out var id))
        {
            return (date, id);
        }

        errors["cursor"] = [Foreign];
        return null;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
