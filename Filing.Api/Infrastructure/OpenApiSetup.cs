namespace Filing.Api.Infrastructure;

internal static class OpenApiSetup
{
    public static IServiceCollection AddFilingOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new()
            {
                Title = "Filing API",
                Version = "v1",
                Description = "Filing and review of administrative normative documents (行政规范性文件): " +
                    "Word draft reading, review checks, the 三统一 register, filing with oversight bodies, " +
                    "public comment and citizen objections.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "Filing.Api.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }
}
