using Filing.Core.Review;
using Filing.Core.Review.Rules;
using Filing.Core.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Filing.Api.Review;

/// <summary>Where the review engine finds its data, and request limits. Configuration section <c>Review</c>.</summary>
public sealed class ReviewApiOptions
{
    /// <summary>Rules folder; <c>corpus/rules</c> next to the application when empty.</summary>
    public string? RulesDirectory { get; set; }

    /// <summary>jieba's dictionaries; <c>Resources/jieba</c> next to the application when empty.</summary>
    public string? JiebaResourceDirectory { get; set; }

    /// <summary>Folder of user dictionaries (*.txt); <c>corpus/dictionaries</c> next to the application when empty.</summary>
    public string? UserDictionaryDirectory { get; set; }

    /// <summary>Longest text accepted by <c>POST /api/v1/reviews/text</c>, in characters (default 1,000,000).</summary>
    public int MaxTextLength { get; set; } = 1_000_000;

    /// <summary>Warm jieba up after start-up instead of before the first request is accepted (default false).</summary>
    public bool WarmUpInBackground { get; set; }
}

/// <summary>
/// The process-wide review engine: rules loaded and validated once, jieba warmed once. Resolved at start-up by
/// <see cref="ReviewStartup"/>, so a malformed rule file stops the service before it takes requests.
/// </summary>
public sealed class ReviewEngine
{
    private readonly Lazy<Reviewer> _reviewer;
    private volatile bool _warm;
    private volatile string? _warmUpError;

    public ReviewEngine(IOptions<ReviewApiOptions> options)
    {
        Options = options.Value;
        _reviewer = new Lazy<Reviewer>(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ReviewApiOptions Options { get; }

    /// <summary>The reviewer; loading it throws <see cref="RuleLoadException"/> for a malformed rule file.</summary>
    public Reviewer Reviewer => _reviewer.Value;

    /// <summary>Whether jieba's dictionaries are loaded and a first segmentation ran.</summary>
    public bool IsWarm => _warm;

    /// <summary>Why warming up failed, if it did.</summary>
    public string? WarmUpError => _warmUpError;

    /// <summary>Loads jieba's dictionaries and segments a sentence, so the first request does not pay ~0.6 s.</summary>
    public void WarmUp()
    {
        try
        {
            Reviewer.Rules.WarmUp();
            if (Reviewer.Tokenizer is JiebaTokenizer jieba)
            {
                jieba.Warm();
            }

            _ = Reviewer.ReviewText("本县政府投资项目必须使用本地企业生产的建材。");
            _warm = true;
        }
        catch (Exception e)
        {
            _warmUpError = e.Message;
            throw;
        }
    }

    private Reviewer Create()
    {
        var rules = RuleSet.Load(string.IsNullOrWhiteSpace(Options.RulesDirectory) ? RuleSet.DefaultDirectory : Options.RulesDirectory);
        var dictionaries = string.IsNullOrWhiteSpace(Options.UserDictionaryDirectory)
            ? null
            : Directory.EnumerateFiles(Options.UserDictionaryDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();
        var tokenizer = JiebaTokenizer.Initialize(
            string.IsNullOrWhiteSpace(Options.JiebaResourceDirectory) ? null : Options.JiebaResourceDirectory,
            dictionaries);
        return new Reviewer(rules, tokenizer);
    }
}

/// <summary>Loads and validates the rules at start-up (failing start-up when they are malformed) and warms jieba.</summary>
internal sealed class ReviewStartup(ReviewEngine engine, ILogger<ReviewStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reviewer reviewer;
        try
        {
            reviewer = engine.Reviewer;
        }
        catch (RuleLoadException e)
        {
            logger.LogCritical("Review rules are invalid, the service will not start: {Problem}", e.Message);
            throw;
        }

        logger.LogInformation("Loaded {Count} review rules from {Directory} ({Steps})", reviewer.Rules.Rules.Count, reviewer.Rules.Directory,
            string.Join(", ", reviewer.Rules.Rules.GroupBy(r => r.Step).Select(g => $"{ReviewStepNames.Name(g.Key)} {g.Count()}")));

        if (engine.Options.WarmUpInBackground)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    engine.WarmUp();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Warming up the review engine failed");
                }
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        engine.WarmUp();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Readiness: healthy once the rules are loaded and jieba is warm.</summary>
internal sealed class ReviewReadinessCheck(ReviewEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.IsWarm
            ? HealthCheckResult.Healthy($"{engine.Reviewer.Rules.Rules.Count} rules loaded; segmenter warm.")
            : engine.WarmUpError is { } error
                ? HealthCheckResult.Unhealthy("Review engine failed to warm up: " + error)
                : HealthCheckResult.Unhealthy("Review engine is warming up."));
}
