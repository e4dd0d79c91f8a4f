using System.Security.Cryptography;
using System.Text;
using Filing.Core.Register;

namespace Filing.Api.Infrastructure.Auth;

/// <summary>
/// An organisation's API key. Only the SHA-256 of the key is stored: keys are high-entropy random strings, so a plain
/// hash is enough (no password-style stretching) and lookups stay a single indexed read.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
        Label = "";
        Hash = "";
    }

    public ApiKey(Guid id, Guid organisationId, string label, string hash, CallerRoles roles, DateTimeOffset createdAt)
    {
        Id = id;
        OrganisationId = organisationId;
        Label = label;
        Hash = hash;
        Roles = roles;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Who or what uses it, e.g. 张三 or 备案系统对接.</summary>
    public string Label { get; private set; }

    /// <summary>SHA-256 of the key, lowercase hex.</summary>
    public string Hash { get; private set; }

    public CallerRoles Roles { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    /// <summary>The stored form of <paramref name="key"/>.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: <c>flk_</c> and 32 random bytes, base64url (256 bits of entropy).</summary>
    public static string Generate() => "flk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
