using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Outbox;
using Filing.Api.Statistics;
using Filing.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Filing.Api.Feeds;

/// <summary>Services and routes of the public event log, feed, change log, webhooks (with the outbox) and statistics.</summary>
internal static class FeedsSetup
{
    public static IServiceCollection AddFilingFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsOptions>().Bind(configuration.GetSection("Feeds"))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Feeds:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Webhooks"))
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.MaxParallelSends >= 1 && o.BaseDelay >= TimeSpan.Zero
                && o.MaxDelay >= o.BaseDelay && o.Timeout > TimeSpan.Zero && o.Lease > o.Timeout && o.PollInterval > TimeSpan.Zero
                && o.MaxSubscriptionsPerOrganisation >= 1, "Webhooks settings out of range (the lease must outlast the timeout).")
            .Validate(o => o.SecretOverlap >= TimeSpan.Zero && o.SecretOverlap <= TimeSpan.FromHours(WebhookOptions.MaxSecretOverlapHours),
                $"Webhooks:SecretOverlap must be between 00:00:00 and {WebhookOptions.MaxSecretOverlapHours} hours (7.00:00:00).")
            .ValidateOnStart();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RegisterEventInterceptor>();
        services.ConfigureDbContext<SqliteFilingDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterEventInterceptor>()));
        services.ConfigureDbContext<PostgresFilingDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RegisterEventInterceptor>()));

        services.AddScoped<ExpiryRecorder>();
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<StatisticsService>();
        services.TryAddScoped<IParticipationStatistics, NoParticipationStatistics>();

        services.AddHttpClient(WebhookSender.ClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddScoped<WebhookSender>();
        services.ConfigureSwaggerGen(o => o.OperationFilter<WebhookDeliveryOperationFilter>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<ExpirySweepService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFilingFeeds(this IEndpointRouteBuilder app)
    {
        app.MapFeeds();
        app.MapWebhooks();
        app.MapStatistics();
        return app;
    }
}
