namespace Filing.Core.Register;

/// <summary>
/// Draws the next unified number of a prefix and year. Must be called inside the registration's transaction: the
/// increment commits or rolls back with the registration, so numbers are never skipped or given twice.
/// </summary>
public interface IUnifiedNumberAllocator
{
    /// <summary>The next number for <paramref name="prefix"/> in <paramref name="year"/>.</summary>
    /// <exception cref="LifecycleViolationException">The year's sequence is exhausted (more than 9999 numbers).</exception>
    Task<UnifiedNumber> NextAsync(string prefix, int year, CancellationToken cancellationToken);
}
