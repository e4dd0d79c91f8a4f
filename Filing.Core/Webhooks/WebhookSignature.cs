using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Webhooks;

/// <summary>
/// The webhook signature: <c>X-Filing-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of the exact request body bytes,
/// keyed with the subscription secret's UTF-8 bytes&gt;</c>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Filing-Signature";

    /// <summary>The signature header value for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> (constant-time comparison).</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var actual = Encoding.ASCII.GetBytes(header.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>A new random secret: <c>whsec_</c> and 32 random bytes, base64url (256 bits).</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
