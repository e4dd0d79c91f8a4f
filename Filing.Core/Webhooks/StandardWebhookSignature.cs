using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Webhooks;

/// <summary>
/// The timestamped webhook signature, exactly as Standard Webhooks (https://www.standardwebhooks.com, spec v1) defines
/// it, so that receivers can check deliveries with that specification's libraries (C#, Python, JavaScript, Go, Java…)
/// or with a few lines of their own:
/// <list type="bullet">
/// <item><c>webhook-id</c>: the event id, the same on every retry (receivers de-duplicate on it);</item>
/// <item><c>webhook-timestamp</c>: when this attempt was sent, in whole seconds since 1970-01-01T00:00:00Z;</item>
/// <item><c>webhook-signature</c>: <c>v1,</c> + base64 HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the bytes the secret encodes (the part after <c>whsec_</c>, base64-decoded); during a secret rotation's
/// overlap one such signature per secret, space-separated, the new secret's first.</item>
/// </list>
/// Because the timestamp is signed, a receiver that rejects deliveries older than a few minutes
/// (<see cref="DefaultTolerance"/>) cannot be made to accept a captured delivery again later, and the id lets it drop a
/// replay within that window. It replaces the body-only <see cref="WebhookSignature"/>, which stays for receivers that
/// have not moved yet.
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The header with the message id (our event id).</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header with the send time, unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header with the signatures.</summary>
    public const string Header = "webhook-signature";

    /// <summary>Prefix of each signature in <see cref="Header"/> (symmetric HMAC-SHA256 in Standard Webhooks).</summary>
    public const string Scheme = "v1,";

    /// <summary>Prefix of every signing secret.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Shortest key a secret may encode (Standard Webhooks: 24 bytes, 192 bits).</summary>
    public const int MinKeyBytes = 24;

    /// <summary>Longest key a secret may encode (Standard Webhooks: 64 bytes).</summary>
    public const int MaxKeyBytes = 64;

    /// <summary>How far a delivery's timestamp may be from the receiver's clock, either way: 5 minutes, as Standard Webhooks' libraries use.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    // More than any rotation produces (two); bounds the work of checking a hostile header.
    private const int MaxSignatures = 8;

    // Ten digits reach the year 2286; a longer "timestamp" is not one.
    private const int MaxTimestampDigits = 12;

    /// <summary>
    /// Whether <paramref name="secret"/> can sign: <c>whsec_</c> followed by base64 of <see cref="MinKeyBytes"/> to
    /// <see cref="MaxKeyBytes"/> bytes. Standard base64 (what <see cref="WebhookSignature.NewSecret"/> makes) and the
    /// base64url without padding of secrets issued before the timestamped signature are both accepted.
    /// </summary>
    public static bool IsValidSecret(string? secret) => TryKeyOf(secret, out _);

    /// <summary>The HMAC key a secret encodes.</summary>
    /// <exception cref="ArgumentException">It is not a valid secret (<see cref="IsValidSecret"/>).</exception>
    public static byte[] KeyOf(string secret) => TryKeyOf(secret, out var key)
        ? key
        : throw new ArgumentException(
            $"A webhook secret is '{SecretPrefix}' followed by base64 of {MinKeyBytes} to {MaxKeyBytes} bytes.", nameof(secret));

    /// <summary>One signature, <c>v1,&lt;base64&gt;</c>, of <paramref name="body"/> sent as <paramref name="id"/> at <paramref name="timestamp"/>.</summary>
    /// <param name="secret">The subscription's secret.</param>
    /// <param name="id">The <c>webhook-id</c> value.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> value, unix seconds.</param>
    /// <param name="body">The exact body bytes.</param>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Scheme + Convert.ToBase64String(Mac(KeyOf(secret), SignedPrefix(id, timestamp.ToString(CultureInfo.InvariantCulture)), body));
    }

    /// <summary>The <c>webhook-signature</c> value: one signature per secret, in that order, space-separated.</summary>
    public static string Sign(IReadOnlyList<string> secrets, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        }

        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            signatures[i] = Sign(secrets[i], id, timestamp, body);
        }

        return string.Join(' ', signatures);
    }

    /// <summary>
    /// Checks a delivery the way a receiver should: the three headers are present, the timestamp is within
    /// <paramref name="tolerance"/> of <paramref name="now"/> (either way), and any listed <c>v1</c> signature matches
    /// the one made with <paramref name="secret"/> (constant-time comparison). A <see cref="WebhookVerificationResult.Verified"/>
    /// delivery should still be processed once per <paramref name="id"/>: within the tolerance a replay verifies too.
    /// </summary>
    /// <param name="secret">The receiver's secret.</param>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="header">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The exact body bytes as received, before any JSON parsing.</param>
    /// <param name="now">The receiver's clock.</param>
    /// <param name="tolerance">How old (or how far ahead) a timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not a valid secret: a configuration error, not a bad delivery.</exception>
    public static WebhookVerificationResult Verify(
        string secret, string? id, string? timestamp, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var key = KeyOf(secret);
        var window = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(tolerance));
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerificationResult.MissingHeader;
        }

        if (timestamp.Length > MaxTimestampDigits || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerificationResult.MalformedTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)window.TotalSeconds)
        {
            return WebhookVerificationResult.TimestampOutsideTolerance;
        }

        // Sign what was received (the timestamp as sent, not re-formatted), so any change to it breaks the signature.
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(Mac(key, SignedPrefix(id, timestamp), body)));
        var matched = false;
        var checkedCount = 0;
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (++checkedCount > MaxSignatures)
            {
                break;
            }

            if (entry.StartsWith(Scheme, StringComparison.Ordinal))
            {
                // No early exit: every listed signature costs the same whether or not an earlier one matched.
                matched |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(entry[Scheme.Length..]));
            }
        }

        return matched ? WebhookVerificationResult.Verified : WebhookVerificationResult.SignatureMismatch;
    }

    private static byte[] SignedPrefix(string id, string timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Encoding.UTF8.GetBytes(string.Concat(id, ".", timestamp, "."));
    }

    private static byte[] Mac(byte[] key, byte[] prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryKeyOf(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Any(char.IsWhiteSpace))
        {
            return false;
        }

        // base64url (the first secrets) and standard base64 differ only in two characters and the padding.
        var text = secret[SecretPrefix.Length..].Replace('-', '+').Replace('_', '/');
        if (text.Length % 4 != 0)
        {
            text += new string('=', 4 - (text.Length % 4));
        }

        var buffer = new byte[(text.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written is < MinKeyBytes or > MaxKeyBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
