using System.Globalization;
using System.Threading.RateLimiting;
using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Api.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Filing.Api.Participation;

/// <summary>Services, rate limits and routes of public participation.</summary>
internal static class ParticipationSetup
{
    public const string SubmissionPolicy = "public-submissions";
    public const string LookupPolicy = "public-lookups";

    public static IServiceCollection AddFilingParticipation(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ParticipationOptions>().Bind(configuration.GetSection("Participation"))
            .Validate(o => o.MaxCommentLength > 0 && o.MaxGroundsLength > 0 && o.MaxPublicRequestBytes > 0 && o.RecentDays >= 0
                && o.ObjectionHandlingPeriod.Length > 0 && o.SubmissionRateLimit.PermitLimit > 0 && o.SubmissionRateLimit.WindowSeconds > 0
                && o.LookupRateLimit.PermitLimit > 0 && o.LookupRateLimit.WindowSeconds > 0, "Participation settings out of range.")
            .ValidateOnStart();
        services.AddScoped<ParticipationContext>();
        services.AddScoped<NotificationOutbox>();

        // Replaces the statistics placeholder (NoParticipationStatistics) whichever feature is registered first.
        services.AddScoped<Statistics.IParticipationStatistics, ParticipationStatistics>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<ObjectionReminders>();
        services.AddHostedService<ObjectionReminderService>();
        services.AddHostedService<NotificationDispatchService>();
        if (environment.IsDevelopment())
        {
            // Lets the README walkthrough move time forward past a comment period (administrator key, Development only).
            services.AddSingleton<DevelopmentClock>();
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DevelopmentClock>());
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(SubmissionPolicy, http => Limiter(http, s => s.SubmissionRateLimit));
            o.AddPolicy(LookupPolicy, http => Limiter(http, s => s.LookupRateLimit));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFilingParticipation(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        app.MapConsultations().WithMetadata(new IdempotentAttribute());
        app.MapObjections();
        app.MapDocumentParticipation();
        app.MapNotifications();
        if (environment.IsDevelopment())
        {
            app.MapDevelopmentClock();
        }

        return app;
    }

    // Partitioned per client address. Behind a load balancer this is the client's only when the balancer is listed under
    // ForwardedHeaders (see ForwardedHeadersSettings); otherwise every citizen shares the balancer's bucket.
    private static RateLimitPartition<string> Limiter(HttpContext http, Func<ParticipationOptions, RateLimitSetting> pick)
    {
        var setting = pick(http.RequestServices.GetRequiredService<IOptions<ParticipationOptions>>().Value);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = setting.PermitLimit,
            Window = TimeSpan.FromSeconds(setting.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"提交过于频繁，请 {seconds} 秒后再试 / Too many requests from this client; retry after {seconds} seconds.",
        };
        problem.Extensions["code"] = ProblemCodes.TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
