namespace Filing.Core.Audit;

/// <summary>
/// The last entry of a stream, updated in the same transaction as each append. Lets verification notice entries
/// deleted from the end of a chain, which the chain alone cannot show.
/// </summary>
public sealed class AuditStreamHead
{
    private AuditStreamHead()
    {
        Stream = "";
        LastHash = "";
    }

    /// <summary>Starts an empty stream.</summary>
    public AuditStreamHead(string stream)
    {
        Stream = stream;
        LastHash = "";
    }

    /// <summary>The stream.</summary>
    public string Stream { get; private set; }

    /// <summary>Entries appended so far (also the concurrency token: two appends cannot both win).</summary>
    public int Count { get; private set; }

    /// <summary>Hash of the last entry.</summary>
    public string LastHash { get; private set; }

    /// <summary>Records <paramref name="entry"/> as the new last entry.</summary>
    public void Advance(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence != Count + 1 || entry.PreviousHash != LastHash)
        {
            throw new InvalidOperationException("The entry does not continue this stream.");
        }

        Count = entry.Sequence;
        LastHash = entry.Hash;
    }
}
