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
    /// entry yet or one from an older analyzer version (after an upgrade). A no-op on an up-to-date database.
    /// </summary>
    public static async Task EnsureRegisterSearchIndexAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        JiebaTokenizer.Shared.Warm();
        await using var scope = services.CreateAsyncScope();
        var indexed = await scope.ServiceProvider.GetRequiredService<RegisterSearchIndex>().BackfillAsync(ct);
        if (indexed > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PublicRegisterSetup))
                .LogInformation("Search index: {Count} published documents (re)indexed at start-up", indexed);
        }
    }
}
