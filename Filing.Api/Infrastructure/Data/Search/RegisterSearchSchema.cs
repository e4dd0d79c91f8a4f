using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// Table and full-text structures of <see cref="RegisterSearchEntry"/>. Both engines index exactly the words in
/// <see cref="RegisterSearchEntry.TitleTerms"/> and <see cref="RegisterSearchEntry.BodyTerms"/>, untouched by their own
/// parsers: SQLite's FTS5 with the <c>ascii</c> tokenizer (terms are space separated and hold no ASCII punctuation, so it
/// splits exactly at the spaces), PostgreSQL's <c>array_to_tsvector</c> (lexemes taken as they are) in
/// <see cref="PostgresVectors"/>.
/// </summary>
internal static class RegisterSearchSchema
{
    public const string Table = "RegisterSearch";

    /// <summary>
    /// SQLite: the external-content FTS5 table over (TitleTerms, BodyTerms) with <c>tokenize='ascii'</c>, kept in step
    /// with the entries by three triggers; created by the <c>RegisterSearch</c> migration (raw SQL: EF has no FTS5 model).
    /// </summary>
    public const string SqliteFts = "RegisterSearchFts";

    /// <summary>
    /// PostgreSQL: the entries' tsvectors (<see cref="TitleVector"/>, <see cref="AllVector"/>) with the entry's id and
    /// document id, one row per entry, GIN-indexed, kept in step with the entries by a trigger; created by the
    /// <c>SearchVectorsTable</c> migration (raw SQL, as SQLite's FTS5 table). Apart from the wide entries (titles,
    /// keywords, texts) so that finding the documents a common word matches visits ~2,600 heap pages at 100,000 documents
    /// instead of ~9,000 (53–83 ms against 95 ms for 100,000 matches).
    /// </summary>
    public const string PostgresVectors = "RegisterSearchVectors";

    /// <summary>Term numbers (<see cref="RegisterSearchTerm"/>).</summary>
    public const string Terms = "RegisterSearchTerms";

    /// <summary>Entries' terms as numbers (<see cref="RegisterSearchTermSet"/>).</summary>
    public const string TermSets = "RegisterSearchTermSets";

    /// <summary>PostgreSQL: terms of the title.</summary>
    public const string TitleVector = "TitleVector";

    /// <summary>PostgreSQL: terms of title and body.</summary>
    public const string AllVector = "AllVector";

    public static void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        // Keyset paging of the public register in publication and effective-date order.
        modelBuilder.Entity<NormativeDocumentRecord>(d =>
        {
            d.HasIndex(x => new { x.PublishedOn, x.Id });
            d.HasIndex(x => new { x.EffectiveDate, x.Id });

            // The newest page of one authority's documents with a further filter (status, type) without walking the
            // whole register's publication order.
            d.HasIndex(x => new { x.IssuingAuthorityId, x.PublishedOn, x.Id });
            if (provider == DatabaseProvider.PostgreSQL)
            {
                // Ranking every match of a full-text question joins the published documents for their dates, and a
                // status or point-in-time total counts them by their dates: index-only scans of this instead of the
                // table (the join's side 0.09–0.18 s → 0.04–0.06 s on 100,000 documents).
                d.HasIndex(x => x.Stage, "IX_Documents_Stage_Dates").IncludeProperties(x => new
                {
                    x.Id, x.PublishedOn, x.EffectiveDate, x.ValidUntil, x.Termination, x.TerminatedOn,
                });
            }
        });

        modelBuilder.Entity<RegisterSearchEntry>(e =>
        {
            e.ToTable(Table);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();

            // Small columns first: SQLite reads a row's columns in order through its overflow pages, so ranking (title,
            // terms, keywords) behind the bodies read every body (0.19 s against 1.6 s for a column scan of 100,000).
            var order = 0;
            foreach (var column in new[]
                     {
                         nameof(RegisterSearchEntry.Id), nameof(RegisterSearchEntry.DocumentId), nameof(RegisterSearchEntry.AnalyzerVersion),
                         nameof(RegisterSearchEntry.DocumentNumberKey), nameof(RegisterSearchEntry.IndexedAt), nameof(RegisterSearchEntry.Title),
                         nameof(RegisterSearchEntry.TitleSearch), nameof(RegisterSearchEntry.TitleTerms), nameof(RegisterSearchEntry.Keywords),
                         nameof(RegisterSearchEntry.Body), nameof(RegisterSearchEntry.BodySearch), nameof(RegisterSearchEntry.BodyTerms),
                     })
            {
                e.Property(column).HasColumnOrder(order++);
            }
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.TitleSearch).HasMaxLength(500);
            e.Property(x => x.DocumentNumberKey).HasMaxLength(100);
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => x.DocumentNumberKey);
            e.HasIndex(x => x.AnalyzerVersion);
            e.HasOne<NormativeDocumentRecord>().WithOne().HasForeignKey<RegisterSearchEntry>(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RegisterSearchTerm>(t =>
        {
            t.ToTable(Terms);
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedOnAdd();
            t.Property(x => x.Term).HasMaxLength(2 * Core.Search.SearchAnalyzer.MaxTermLength); // runes, up to two chars each
            t.HasIndex(x => x.Term).IsUnique();
        });

        modelBuilder.Entity<RegisterSearchTermSet>(s =>
        {
            s.ToTable(TermSets);
            s.HasKey(x => x.DocumentId);
            s.Property(x => x.DocumentId).ValueGeneratedNever();
            s.HasOne<NormativeDocumentRecord>().WithOne().HasForeignKey<RegisterSearchTermSet>(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
