using System.Text;
using Filing.Core.Search;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>A document that matches a full-text query, with its rank.</summary>
public sealed class SearchMatch
{
    /// <summary>The document.</summary>
    public Guid DocumentId { get; init; }

    /// <summary>Rank: see <see cref="SearchSql"/>.</summary>
    public int Score { get; init; }
}

/// <summary>
/// Turns a <see cref="SearchQuery"/> into one SQL query per engine with the same meaning, returning
/// <see cref="SearchMatch"/> rows. Three parts:
/// <list type="number">
/// <item>The word test, run by the engine's full-text index: every required group has an alternative whose leaves are
/// all present (FTS5 <c>MATCH</c> on SQLite, <c>@@</c> over a tsvector on PostgreSQL), and no excluded word is.</item>
/// <item>The phrase test, for phrases only: the exact normalised text occurs in the title or the body
/// (<c>instr</c> / <c>strpos</c>, identical character semantics on both).</item>
/// <item>The rank, an integer both engines compute identically: per searched part, 4 when the title contains its
/// exact text, else 2 when the title holds all its words, plus 1 when all its words are among the document's most
/// frequent words. Ties are broken by the caller (newest publication, then id), so the order is the same on both.</item>
/// </list>
/// Values are always parameters; only the SQL shape depends on the query.
/// </summary>
public static class SearchSql
{
    /// <summary>The query and its parameters (<c>{0}</c> placeholders, as EF Core's <c>SqlQueryRaw</c> takes them).</summary>
    /// <param name="query">The parsed query.</param>
    /// <param name="provider">The engine.</param>
    /// <param name="ranked">
    /// False: the ids only, as one column <c>Value</c> (EF Core's scalar <c>SqlQueryRaw&lt;Guid&gt;</c>); the caller ranks
    /// with <see cref="RankOf"/> from texts it holds.
    /// </param>
    /// <param name="within">
    /// When given, only these documents are tested (a held answer brought up to date for the documents that changed).
    /// </param>
    public static (string Sql, object[] Parameters) Matches(SearchQuery query, DatabaseProvider provider, bool ranked = true, IReadOnlyCollection<Guid>? within = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dialect = provider == DatabaseProvider.PostgreSQL ? Dialect.Postgres : Dialect.Sqlite;
        var parameters = new List<object>();
        string Param(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        }

        var key = dialect.DocumentId;
        var columns = ranked
            ? $"{key} AS \"DocumentId\", ({string.Join(" + ", query.Positive.Select(p => Score(p, dialect, Param)))}) AS \"Score\""
            : $"{key} AS \"Value\"";
        // One parameter per document: callers pass at most a few thousand (far below either engine's limit).
        var documents = within is null ? null : within.Count == 0 ? "NULL" : string.Join(", ", within.Select(id => Param(id)));
        var where = new List<string> { dialect.WordTest(Param(dialect.Words(query.Required, query.Excluded, query.TitleOnly)), query.TitleOnly, documents) };
        foreach (var group in query.Required.Where(g => g.Alternatives.Any(a => a.IsPhrase)))
        {
            var alternatives = group.Alternatives.Select(a => a.IsPhrase
                ? PhraseTest(a.Text, query.TitleOnly, dialect, Param)
                : dialect.WordTest(Param(dialect.Words([new SearchGroup([a])], [], query.TitleOnly)), query.TitleOnly, documents));
            where.Add("(" + string.Join(" OR ", alternatives) + ")");
        }

        foreach (var phrase in query.Excluded.Where(p => p.IsPhrase))
        {
            where.Add("NOT " + PhraseTest(phrase.Text, query.TitleOnly, dialect, Param));
        }

        if (documents is not null)
        {
            where.Add($"{key} IN ({documents})");
        }

        // The entries' texts (alias e) are read for the rank and the phrase tests only.
        var texts = ranked || query.Required.Any(g => g.Alternatives.Any(a => a.IsPhrase)) || query.Excluded.Any(p => p.IsPhrase);
        var sql = $"""
            SELECT {columns}
            FROM {dialect.From(texts)}
            WHERE {string.Join("\n  AND ", where)}
            """;
        return (dialect.Fence(sql), [.. parameters]);
    }

    /// <summary>
    /// The ids of the search entries matching a query without phrases, as one column <c>Value</c>, read from the
    /// engine's full-text structure alone (the FTS5 table's rowids; PostgreSQL's vectors table), never from the wide
    /// entries: on SQLite that join cost ~200 ms of ~250 for a word in 100,000 documents. Null when the query has a
    /// phrase (its substring test reads the entries' texts: use <see cref="Matches"/>).
    /// </summary>
    public static (string Sql, object[] Parameters)? EntryMatches(SearchQuery query, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Required.Any(g => g.Alternatives.Any(a => a.IsPhrase)) || query.Excluded.Any(p => p.IsPhrase))
        {
            return null;
        }

        var dialect = provider == DatabaseProvider.PostgreSQL ? Dialect.Postgres : Dialect.Sqlite;
        return (dialect.Fence(dialect.EntryIds("{0}", query.TitleOnly)), [dialect.Words(query.Required, query.Excluded, query.TitleOnly)]);
    }

    /// <summary>The engine's full-text expression for the words (FTS5 query or tsquery text), for tests and diagnostics.</summary>
    public static string Words(SearchQuery query, DatabaseProvider provider) =>
        (provider == DatabaseProvider.PostgreSQL ? Dialect.Postgres : Dialect.Sqlite).Words(query.Required, query.Excluded, query.TitleOnly);

    private static string PhraseTest(string text, bool titleOnly, Dialect dialect, Func<object, string> param)
    {
        var p = param(text);
        return titleOnly
            ? $"({dialect.Position}(e.\"TitleSearch\", {p}) > 0)"
            : $"({dialect.Position}(e.\"TitleSearch\", {p}) > 0 OR {dialect.Position}(e.\"BodySearch\", {p}) > 0)";
    }

    /// <summary>The highest rank <see cref="RankOf"/> gives for <paramref name="query"/>: 4 + 1 for each part.</summary>
    public static int MostRank(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Positive.Count() * 5;
    }

    /// <summary>
    /// The rank <see cref="Matches"/> computes in SQL, computed in memory from the same stored texts (ordinal substring
    /// tests, as <c>strpos</c> and <c>instr</c> are): 4 when the title contains a part's exact text, else 2 when the
    /// title holds all its words, plus 1 when all its words are among the keywords; summed over the parts. The returned
    /// function takes the entry's normalised title, its title terms with a space before and after (<c>" t1 t2 "</c>) and
    /// its keywords (<c>" k1 k2 "</c>).
    /// </summary>
    public static Ranker RankOf(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = query.Positive.Select(p => (p.Text, Words: p.Leaves.Select(l => " " + l + " ").ToArray())).ToArray();
        return (titleSearch, spacedTitleTerms, keywords) =>
        {
            var rank = 0;
            foreach (var (text, words) in parts)
            {
                // IndexOf, not Contains(…, StringComparison.Ordinal): half the cost on these short spans, run 100,000 times a ranking.
                rank += titleSearch.IndexOf(text) >= 0 ? 4 : All(words, spacedTitleTerms) ? 2 : 0;
                rank += All(words, keywords) ? 1 : 0;
            }

            return rank;
        };

        static bool All(string[] words, ReadOnlySpan<char> spaced)
        {
            foreach (var word in words)
            {
                if (spaced.IndexOf(word) < 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Computes <see cref="RankOf"/>'s rank from an entry's normalised title, spaced title terms and keywords.</summary>
    public delegate int Ranker(ReadOnlySpan<char> titleSearch, ReadOnlySpan<char> spacedTitleTerms, ReadOnlySpan<char> keywords);

    private static string Score(SearchPart part, Dialect dialect, Func<object, string> param)
    {
        var titleWords = string.Join(" AND ", part.Leaves.Select(l => $"{dialect.Position}(' ' || e.\"TitleTerms\" || ' ', {param(" " + l + " ")}) > 0"));
        var keywords = string.Join(" AND ", part.Leaves.Select(l => $"{dialect.Position}(e.\"Keywords\", {param(" " + l + " ")}) > 0"));
        return $"(CASE WHEN {dialect.Position}(e.\"TitleSearch\", {param(part.Text)}) > 0 THEN 4 WHEN {titleWords} THEN 2 ELSE 0 END"
            + $" + CASE WHEN {keywords} THEN 1 ELSE 0 END)";
    }

    private abstract class Dialect
    {
        public static readonly Dialect Sqlite = new SqliteDialect();
        public static readonly Dialect Postgres = new PostgresDialect();

        /// <summary>SQL function giving the 1-based position of a substring, 0 when absent.</summary>
        public abstract string Position { get; }

        /// <summary>The matching entry's document id.</summary>
        public virtual string DocumentId => "e.\"DocumentId\"";

        /// <summary>The tables matched over; <paramref name="texts"/>: the entries' texts are read (alias e).</summary>
        public virtual string From(bool texts) => $"\"{RegisterSearchSchema.Table}\" AS e";

        /// <summary>The full-text test; <paramref name="documents"/>: when not null, a list of document ids the caller also restricts the rows to.</summary>
        public abstract string WordTest(string parameter, bool titleOnly, string? documents);

        /// <summary>The entry ids the full-text test finds, from the full-text structure alone.</summary>
        public abstract string EntryIds(string parameter, bool titleOnly);

        /// <summary>Wraps the match query so that the engine plans it on its own (the default: as it is).</summary>
        public virtual string Fence(string sql) => sql;

        public string Words(IReadOnlyList<SearchGroup> required, IReadOnlyList<SearchPart> excluded, bool titleOnly)
        {
            var text = new StringBuilder();
            text.Append(string.Join(And, required.Select(g => "(" + string.Join(Or, g.Alternatives.Select(All)) + ")")));
            foreach (var word in excluded.Where(p => !p.IsPhrase))
            {
                text.Append(Not).Append(All(word));
            }

            return Scope(text.ToString(), titleOnly);
        }

        protected abstract string And { get; }

        protected abstract string Or { get; }

        protected abstract string Not { get; }

        protected abstract string Term(string leaf);

        protected virtual string Scope(string expression, bool titleOnly) => expression;

        private string All(SearchPart part) => "(" + string.Join(And, part.Leaves.Select(Term)) + ")";
    }

    /// <summary>FTS5: quoted terms, AND/OR/NOT, a column filter for the title.</summary>
    private sealed class SqliteDialect : Dialect
    {
        public override string Position => "instr";

        protected override string And => " AND ";

        protected override string Or => " OR ";

        protected override string Not => " NOT ";

        // Restricted to a few documents, the rowids go inside: FTS5 then tests those rows only, where otherwise it reads
        // the whole match (100 ms for a word in every document of 100,000, against 0.1 ms).
        public override string WordTest(string parameter, bool titleOnly, string? documents) =>
            $"e.\"Id\" IN (SELECT rowid FROM \"{RegisterSearchSchema.SqliteFts}\" WHERE \"{RegisterSearchSchema.SqliteFts}\" MATCH {parameter}"
            + (documents is null ? ")" : $" AND rowid IN (SELECT \"Id\" FROM \"{RegisterSearchSchema.Table}\" WHERE \"DocumentId\" IN ({documents})))");

        public override string EntryIds(string parameter, bool titleOnly) =>
            $"SELECT rowid AS \"Value\" FROM \"{RegisterSearchSchema.SqliteFts}\" WHERE \"{RegisterSearchSchema.SqliteFts}\" MATCH {parameter}";

        // Terms hold letters and digits only, so quoting cannot be escaped from.
        protected override string Term(string leaf) => "\"" + leaf + "\"";

        protected override string Scope(string expression, bool titleOnly) => titleOnly ? "{TitleTerms} : (" + expression + ")" : expression;
    }

    /// <summary>tsquery text: quoted lexemes taken as they are (no parser, no dictionary), &amp; | !.</summary>
    private sealed class PostgresDialect : Dialect
    {
        public override string Position => "strpos";

        public override string DocumentId => "v.\"DocumentId\"";

        // The vectors live apart from the wide entries (RegisterSearchSchema.PostgresVectors), joined only for texts.
        public override string From(bool texts) => $"\"{RegisterSearchSchema.PostgresVectors}\" AS v"
            + (texts ? $"\nJOIN \"{RegisterSearchSchema.Table}\" AS e ON e.\"Id\" = v.\"Id\"" : "");

        protected override string And => " & ";

        protected override string Or => " | ";

        protected override string Not => " & !";

        public override string WordTest(string parameter, bool titleOnly, string? documents) =>
            $"v.\"{(titleOnly ? RegisterSearchSchema.TitleVector : RegisterSearchSchema.AllVector)}\" @@ CAST({parameter} AS tsquery)";

        public override string EntryIds(string parameter, bool titleOnly) =>
            $"SELECT v.\"Id\" AS \"Value\" FROM \"{RegisterSearchSchema.PostgresVectors}\" AS v WHERE {WordTest(parameter, titleOnly, null)}";

        protected override string Term(string leaf) => "'" + leaf + "'";

        // OFFSET 0 keeps PostgreSQL from pulling the match query up into the caller's: otherwise it sorts the scan's
        // wide rows (title and keyword texts, spilling to disk) by rank before joining. Fenced, only the narrow
        // (DocumentId, Score) pairs leave the scan and the page is a top-N sort after the join.
        public override string Fence(string sql) => "SELECT m.* FROM (\n" + sql + "\n) AS m OFFSET 0";
    }
}
