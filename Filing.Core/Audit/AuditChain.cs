using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Filing.Core.Audit;

/// <summary>
/// The hash chain over a stream's audit entries: each entry's SHA-256 covers its fields and the previous entry's hash,
/// so editing any stored field, deleting or inserting a row, or reordering rows breaks the chain at that point.
/// The stream head catches deletions at the end. (Someone able to rewrite the whole chain and its head can still
/// forge it; export the head hashes elsewhere if that matters.)
/// </summary>
public static class AuditChain
{
    /// <summary>Cuts an instant to whole microseconds in UTC (PostgreSQL's precision) so hashes survive storage.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Computes the hash of <paramref name="entry"/> from its fields and previous hash.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        Write(buffer, entry.Stream);
        Write(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.ActorOrganisationId?.ToString("D"));
        Write(buffer, entry.ActorKeyId?.ToString("D"));
        Write(buffer, entry.ActorName);
        Write(buffer, entry.Action);
        Write(buffer, entry.Subject);
        Write(buffer, entry.OldValue);
        Write(buffer, entry.NewValue);
        Write(buffer, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>
    /// Checks a stream: sequences 1..n without gaps, each previous hash equal to the prior entry's hash, each hash equal
    /// to the recomputed one, and the head (if the stream has one) pointing at the last entry.
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditEntry> entries, AuditStreamHead? head)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = entries.OrderBy(e => e.Sequence).ToList();
        var previous = "";
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            var expected = i + 1;
            if (entry.Sequence != expected)
            {
                return Invalid(ordered.Count, expected, $"entry {expected} is missing (found {entry.Sequence} next)");
            }

            if (entry.PreviousHash != previous)
            {
                return Invalid(ordered.Count, expected, $"entry {expected} does not follow entry {expected - 1}");
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return Invalid(ordered.Count, expected, $"entry {expected} was altered");
            }

            previous = entry.Hash;
        }

        if (head is not null && (head.Count != ordered.Count || head.LastHash != previous))
        {
            return Invalid(ordered.Count, Math.Min(head.Count, ordered.Count + 1),
                $"the stream should hold {head.Count} entries ending in {Short(head.LastHash)}, found {ordered.Count}");
        }

        if (head is null && ordered.Count > 0)
        {
            return Invalid(ordered.Count, 1, "the stream's head record is missing");
        }

        return new AuditVerification(true, ordered.Count, null, null);
    }

    private static AuditVerification Invalid(int count, int sequence, string problem) => new(false, count, sequence, problem);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    // Length-prefixed fields: no two different entries serialise to the same bytes; null differs from "".
    private static void Write(Stream stream, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            stream.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
