using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Webhooks;

/// <summary>
/// The first, body-only webhook signature, <b>deprecated</b>: <c>X-Filing-Signature: sha256=&lt;lowercase hex HMAC-SHA256
/// of the exact request body bytes, keyed with the subscription secret's UTF-8 bytes&gt;</c>. While a rotated secret
/// overlaps with its successor the header lists one signature per secret, comma-separated, the new secret's first
/// (<c>sha256=&lt;new&gt;,sha256=&lt;old&gt;</c>); a receiver accepts the delivery when any listed signature matches its secret.
/// It signs no time, so a captured delivery verifies forever: receivers should check <see cref="StandardWebhookSignature"/>
/// instead. It is still sent (Webhooks:SendLegacySignature) so that receivers built on it keep working while they move.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Filing-Signature";

    /// <summary>Prefix of each signature in the header.</summary>
    public const string Scheme = "sha256=";

    // More than any rotation produces (two); bounds the work of checking a hostile header.
    private const int MaxSignatures = 8;

    /// <summary>The signature header value for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>The header value signing <paramref name="body"/> with each of <paramref name="secrets"/>, in that order, comma-separated.</summary>
    public static string Sign(IReadOnlyList<string> secrets, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        }

        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            signatures[i] = Sign(secrets[i], body);
        }

        return string.Join(',', signatures);
    }

    /// <summary>
    /// Whether <paramref name="header"/> holds a signature of <paramref name="body"/> made with <paramref name="secret"/>:
    /// any one of its comma-separated signatures matches (constant-time comparison of each).
    /// </summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var matched = false;
        var checkedCount = 0;
        foreach (var part in header.Split(','))
        {
            if (++checkedCount > MaxSignatures)
            {
                break;
            }

            // No early exit: every listed signature costs the same whether or not an earlier one matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(part.Trim()));
        }

        return matched;
    }

    /// <summary>
    /// A new random secret: <c>whsec_</c> and 32 random bytes in standard, padded base64 (256 bits), the form Standard
    /// Webhooks' libraries take as is. (Secrets issued before the timestamped signature are base64url without padding;
    /// <see cref="StandardWebhookSignature"/> reads both.)
    /// </summary>
    public static string NewSecret() => StandardWebhookSignature.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
