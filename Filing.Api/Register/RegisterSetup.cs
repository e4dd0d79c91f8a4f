using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Api.Register.Drafts;
using Filing.Core.Calendar;

namespace Filing.Api.Register;

/// <summary>Services and routes of the 三统一 register.</summary>
internal static class RegisterSetup
{
    public static IServiceCollection AddFilingRegister(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<RegisterOptions>().Bind(configuration.GetSection("Register"))
            .Validate(o => o.MaxPageSize > 0 && o.CommentMinimumWorkingDays >= 0 && o.CommentBusinessRelatedMinimumDays >= 0
                && o.CleanupIntervalYears > 0 && o.LegalityReviewWorkingDays > 0 && o.CorrectionPeriod.Length > 0, "Register settings out of range.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IConfiguration>()["Register:CalendarPath"] ?? new RegisterOptions().CalendarPath;
            return WorkingCalendar.LoadDirectory(ResolveDataPath(path, environment));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<RegisterContext>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<DraftIntake>();
        services.AddSingleton<IDraftReviewer, UnavailableDraftReviewer>();
        return services;
    }

    public static IEndpointRouteBuilder MapFilingRegister(this IEndpointRouteBuilder app)
    {
        foreach (var group in new[]
                 {
                     app.MapRegisterDocuments(), app.MapRegisterSteps(), app.MapRegisterFilings(), app.MapRegisterCleanups(),
                     app.MapRegisterAudit(), app.MapRegisterOrganisations(),
                 })
        {
            group.WithMetadata(new IdempotentAttribute());
        }

        return app;
    }

    /// <summary>Data folders: next to the binaries (where the build copies corpus/), else under the content root.</summary>
    public static string ResolveDataPath(string path, IHostEnvironment environment)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideBinaries) ? besideBinaries : Path.Combine(environment.ContentRootPath, path);
    }
}
