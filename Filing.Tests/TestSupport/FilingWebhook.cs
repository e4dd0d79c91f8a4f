using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Filing.Tests.TestSupport;

// The receiver-side verifier exactly as README.md ("Verifying a delivery") shows it; ReadmeWebhookRecipeTests fails when
// the two drift apart. It deliberately does not use Filing.Core: receivers do not have it.
// README:begin
public static class FilingWebhook
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    // secret: the "whsec_…" you were given; id, timestamp, signatures: the webhook-id, webhook-timestamp and
    // webhook-signature headers; body: the raw request body bytes, before any JSON parsing.
    public static bool Verify(string secret, string? id, string? timestamp, string? signatures, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - sent) > (long)Tolerance.TotalSeconds)
        {
            return false; // older than the tolerance: a replay (or a clock far off)
        }

        // The key is the part after "whsec_", base64-decoded (older secrets are base64url without padding: normalise).
        var base64 = secret["whsec_".Length..].Replace('-', '+').Replace('_', '/');
        var key = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }
}
// README:end
