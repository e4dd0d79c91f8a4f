using Filing.Api.Documents;
using Filing.Api.Health;
using Filing.Api.Infrastructure;
using Filing.Api.Review;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFilingJson();
builder.Services.AddFilingProblemDetails();
builder.Services.AddFilingOpenApi();
builder.Services.AddFilingHealth();
builder.Services.AddFilingDocuments(builder.Configuration);
builder.Services.AddFilingReview(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseSwagger();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/swagger/v1/swagger.json", "Filing API v1");
    o.DocumentTitle = "Filing API";
});

app.MapHealth();
app.MapDocuments();
app.MapReview();

app.Run();

/// <summary>Entry point; public so that integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
