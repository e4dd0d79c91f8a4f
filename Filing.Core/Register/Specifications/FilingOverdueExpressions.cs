using System.Linq.Expressions;

namespace Filing.Core.Register.Specifications;

/// <summary><see cref="OversightFiling.IsOverdueOn"/> as SQL-translatable predicates.</summary>
public static class FilingOverdueExpressions
{
    /// <summary>Filings overdue on <paramref name="today"/>.</summary>
    public static Expression<Func<OversightFiling, bool>> Overdue(DateOnly today) =>
        f => (f.Status == FilingStatus.Returned && f.DueDate < today)
            || (f.Status == FilingStatus.CorrectionRequired && f.CorrectionDueDate != null && f.CorrectionDueDate < today);

    /// <summary>Filings not overdue on <paramref name="today"/>.</summary>
    public static Expression<Func<OversightFiling, bool>> NotOverdue(DateOnly today) =>
        f => (f.Status != FilingStatus.Returned || f.DueDate >= today)
            && (f.Status != FilingStatus.CorrectionRequired || f.CorrectionDueDate == null || f.CorrectionDueDate >= today);
}
