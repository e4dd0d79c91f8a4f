using System.Text.Json;
using System.Text.Json.Serialization;
using Filing.Core.Documents;

namespace Filing.Api.Participation;

/// <summary>Reads back the reader's result the register stored as JSON with each version (see <c>DraftIntake</c>).</summary>
internal static class StoredParse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static NormativeDocument? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<NormativeDocument>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
