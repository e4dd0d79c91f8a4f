using Filing.Core.Register;
using Microsoft.AspNetCore.Authentication;

namespace Filing.Api.Infrastructure.Auth;

internal static class AuthSetup
{
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddFilingAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentCaller, HttpCurrentCaller>();
        services.AddAuthentication(CallerClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerClaims.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(CallerRoles.Admin)));
        return services;
    }

    /// <summary>Authentication, then a 401 for any request whose X-Api-Key matched nothing (even on public endpoints).</summary>
    public static IApplicationBuilder UseFilingAuth(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey(CallerClaims.HeaderName) && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync(CallerClaims.Scheme);
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

}
