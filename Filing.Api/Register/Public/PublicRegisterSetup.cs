using Filing.Api.Infrastructure.Data.Search;
using Filing.Core.Search;
using Filing.Core.Text;

namespace Filing.Api.Register.Public;

/// <summary>Services, start-up work and routes of the public register.</summary>
internal static class PublicRegisterSetup
{
    public static IServiceCollection AddPublicRegister(this IServiceCollection services)
    {
        // One process-wide jieba segmenter (its dictionary is global): the review engine's tokenizer.
        services.AddSingleton(_ => new SearchAnalyzer(JiebaTokenizer.Shared));
        services.AddSingleton<SearchQueryParser>();
        services.AddScoped<RegisterSearchIndex>();
        services.AddSingleton<RegisterResultCache>();
        services.AddScoped<PublicRegisterQuery>();
        services.AddHostedService<RegisterSnapshotRefresher>();
        return services;
    }

    /// <summary>
    /// Loads jieba's dictionaries before the first request (~0.6 s), then indexes published documents that have no
    /// entry yet or one from an older analyzer version (after an upgrade), and gives entries without a term set theirs.
    /// A no-op on an up-to-date database.
    /// </summary>
    public static async Task EnsureRegisterSearchIndexAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        JiebaTokenizer.Shared.Warm();
        await using var scope = services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<RegisterSearchIndex>();
        var indexed = await index.BackfillAsync(ct);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PublicRegisterSetup));
        if (indexed > 0)
        {
            logger.LogInformation("Search index: {Count} published documents (re)indexed at start-up", indexed);
        }

        // Entries indexed before term sets existed (an upgrade): their sets, from the terms they store.
        var sets = await index.BackfillTermSetsAsync(ct);
        if (sets > 0)
        {
            logger.LogInformation("Search index: term sets of {Count} entries made at start-up", sets);
        }
    }
}
