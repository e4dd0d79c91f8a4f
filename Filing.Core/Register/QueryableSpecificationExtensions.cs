using Ardalis.Specification;

namespace Filing.Core.Register;

/// <summary>
/// The Where/OrderBy/Skip/Take subset of Ardalis.Specification.EntityFrameworkCore's evaluator, composed from the
/// core package's own evaluators (the EF package is not on our registry). Works on any <see cref="IQueryable{T}"/>:
/// EF Core translates the result to SQL; in memory it is LINQ to Objects.
/// </summary>
public static class QueryableSpecificationExtensions
{
    /// <summary>Applies <paramref name="spec"/>; with <paramref name="criteriaOnly"/> only its Where criteria (for counts).</summary>
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> spec, bool criteriaOnly = false)
        where T : class
    {
        var query = WhereEvaluator.Instance.GetQuery(source, spec);
        if (criteriaOnly)
        {
            return query; // counts ignore order and paging
        }

        query = OrderEvaluator.Instance.GetQuery(query, spec);
        return PaginationEvaluator.Instance.GetQuery(query, spec);
    }
}
