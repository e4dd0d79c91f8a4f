namespace Filing.Api.Infrastructure.Data;

/// <summary>
/// The counter behind one prefix's yearly unified-number sequence. Updated only through
/// <see cref="UnifiedNumberAllocator"/>'s single atomic statement, inside the registration transaction.
/// </summary>
public sealed class NumberSequence
{
    private NumberSequence()
    {
        Prefix = "";
    }

    public string Prefix { get; private set; }

    public int Year { get; private set; }

    /// <summary>The last number given (0 before the first).</summary>
    public int LastValue { get; private set; }
}
