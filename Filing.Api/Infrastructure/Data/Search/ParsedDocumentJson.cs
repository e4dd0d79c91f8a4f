using System.Text.Json;
using System.Text.Json.Serialization;
using Filing.Core.Documents;

namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>Reads back the reader's result stored with each version (<c>VersionContent.ParsedJson</c>).</summary>
public static class ParsedDocumentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The stored reading.</summary>
    /// <exception cref="JsonException">The stored JSON is not a reading (never expected; logged by callers).</exception>
    public static NormativeDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<NormativeDocument>(json, Options) ?? throw new JsonException("The stored reading is empty.");
}
