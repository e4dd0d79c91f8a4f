using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Participation;

/// <summary>
/// The secret that lets the person who sent an objection read it back: 256 bits, base64url, shown once and stored only
/// as its SHA-256 (a plain hash suffices for a random 256-bit value; nothing to stretch). Checks compare hashes in
/// constant time.
/// </summary>
/// <remarks>
/// A retried submission with the same <c>Idempotency-Key</c> must return the same secret without the secret being
/// stored. So when a key is given the secret is derived: HMAC-SHA256 over the key with a random 256-bit salt stored
/// beside the objection. The salt alone reveals nothing; the key is stored only as a hash.
/// </remarks>
public static class ObjectionSecret
{
    /// <summary>A new random secret.</summary>
    public static string New() => Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new random salt for <see cref="Derive"/>.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The secret for a submission made with <paramref name="idempotencyKey"/> (same key and salt, same secret).</summary>
    public static string Derive(byte[] salt, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return Encode(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes("objection-secret|" + idempotencyKey)));
    }

    /// <summary>What is stored: SHA-256 of the secret, lowercase hex.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is the secret behind <paramref name="storedHash"/>, compared in constant time.
    /// Pass a null <paramref name="storedHash"/> for an unknown objection: the same work is done and the answer is false.
    /// </summary>
    public static bool Matches(string? presented, string? storedHash)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        Span<byte> expected = stackalloc byte[32];
        var known = storedHash is { Length: 64 } && Convert.FromHexString(storedHash, expected, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
        var equal = CryptographicOperations.FixedTimeEquals(presentedHash, expected);
        return known && equal && !string.IsNullOrEmpty(presented);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
