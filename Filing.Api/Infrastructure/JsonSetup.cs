using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Filing.Api.Infrastructure;

internal static class JsonSetup
{
    /// <summary>camelCase names, kebab-case enum values, and Chinese text written as is (readable with curl).</summary>
    public static IServiceCollection AddFilingJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
