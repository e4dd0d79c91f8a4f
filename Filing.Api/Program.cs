using Filing.Api.Calendar;
using Filing.Api.Documents;
using Filing.Api.Feeds;
using Filing.Api.Health;
using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Idempotency;
using Filing.Api.Participation;
using Filing.Api.Register;
using Filing.Api.Review;
using Filing.Api.Register.Public;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFilingJson();
builder.Services.AddFilingProblemDetails();
builder.Services.AddFilingOpenApi();
builder.Services.AddFilingHealth();
builder.Services.AddFilingDocuments(builder.Configuration);
builder.Services.AddFilingDatabase(builder.Environment);
builder.Services.AddFilingAuth();
builder.Services.AddFilingRegister(builder.Configuration, builder.Environment);
builder.Services.AddFilingReview(builder.Configuration);
builder.Services.AddFilingFeeds(builder.Configuration);
builder.Services.AddFilingParticipation(builder.Configuration, builder.Environment);
builder.Services.AddPublicRegister();

// A bad ForwardedHeaders entry stops start-up before the database is touched (read again, finally, for the pipeline).
ForwardedHeadersSettings.Read(builder.Configuration);

var app = builder.Build();

// The database is ready (migrated, demo data in Development) before the first request is taken.
await app.Services.MigrateFilingDatabaseAsync();
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true))
{
    var demo = RegisterSetup.ResolveDataPath(app.Configuration["Demo:Path"] ?? "corpus/demo", app.Environment);
    await app.Services.SeedDemoAsync(demo);
    if (app.Configuration.GetValue("Demo:Register", true))
    {
        // A few published documents (the Tonglu seed and the sample corpus) so that the public register can be tried at once.
        await app.Services.SeedDemoRegisterAsync(Path.Combine(demo, "register", "published.json"));
    }
}

await app.Services.EnsureRegisterSearchIndexAsync();
await app.Services.EnsureBootstrapAdminAsync(app.Configuration["Auth:BootstrapAdminKeySha256"]);

// First: everything after it (rate limits per client, idempotency scopes, links, logs) sees the client's address and scheme.
app.UseFilingForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseSwagger();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/swagger/v1/swagger.json", "Filing API v1");
    o.DocumentTitle = "Filing API";
});

app.UseFilingAuth();
app.UseRateLimiter();
app.UseMiddleware<PublicSubmissionLimitMiddleware>();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealth();
app.MapDocuments();
app.MapFilingRegister();
app.MapCalendar();
app.MapReview();
app.MapFilingFeeds();
app.MapFilingParticipation(app.Environment);
app.MapPublicRegister();

await app.RunAsync();

/// <summary>Entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
