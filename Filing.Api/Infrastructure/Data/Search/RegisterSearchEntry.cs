using Filing.Core.Search;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// A published document's row in the full-text index: the text as published (for snippets), its normalised form
/// (for exact phrases and ranking) and its index terms. Written in the same transaction as the publication. The
/// full-text structures hang off this row: on SQLite an FTS5 table kept in step by triggers, on PostgreSQL two
/// generated tsvector columns with GIN indexes (see <see cref="RegisterSearchSchema"/>).
/// </summary>
public sealed class RegisterSearchEntry
{
    /// <summary>Longest body text indexed, in characters (the rest of a longer document is not searchable).</summary>
    public const int MaxIndexedBodyLength = 300_000;

    private RegisterSearchEntry()
    {
        Title = "";
        Body = "";
        TitleSearch = "";
        BodySearch = "";
        TitleTerms = "";
        BodyTerms = "";
        Keywords = "";
    }

    /// <summary>Creates the entry of <paramref name="documentId"/>.</summary>
    public RegisterSearchEntry(Guid documentId, SearchDocument analysed, string? documentNumberKey, DateTimeOffset at)
        : this()
    {
        DocumentId = documentId;
        Update(analysed, documentNumberKey, at);
    }

    /// <summary>Row id (the FTS5 rowid on SQLite).</summary>
    public long Id { get; private set; }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary><see cref="SearchAnalyzer.Version"/> the terms were made with.</summary>
    public int AnalyzerVersion { get; private set; }

    /// <summary>The title as published.</summary>
    public string Title { get; private set; }

    /// <summary>The published text, paragraphs joined by '\n'.</summary>
    public string Body { get; private set; }

    /// <summary>Normalised title.</summary>
    public string TitleSearch { get; private set; }

    /// <summary>Normalised body.</summary>
    public string BodySearch { get; private set; }

    /// <summary>Index terms of the title, space separated.</summary>
    public string TitleTerms { get; private set; }

    /// <summary>Index terms of the body, space separated.</summary>
    public string BodyTerms { get; private set; }

    /// <summary>Most frequent terms, <c>" k1 k2 … "</c>.</summary>
    public string Keywords { get; private set; }

    /// <summary>发文字号 in canonical form (桐政发〔2018〕47号), for tolerant look-ups.</summary>
    public string? DocumentNumberKey { get; private set; }

    /// <summary>When the entry was last written.</summary>
    public DateTimeOffset IndexedAt { get; private set; }

    /// <summary>Replaces the indexed text.</summary>
    public void Update(SearchDocument analysed, string? documentNumberKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(analysed);
        AnalyzerVersion = SearchAnalyzer.Version;
        Title = analysed.Title;
        Body = analysed.Body;
        TitleSearch = analysed.TitleSearch;
        BodySearch = analysed.BodySearch;
        TitleTerms = analysed.TitleTerms;
        BodyTerms = analysed.BodyTerms;
        Keywords = analysed.Keywords;
        DocumentNumberKey = documentNumberKey;
        IndexedAt = at;
    }
}
