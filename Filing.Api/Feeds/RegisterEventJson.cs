using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Filing.Api.Register;
using Filing.Core.Feeds;

namespace Filing.Api.Feeds;

/// <summary>The one JSON form of events: change-log items and webhook bodies are the same bytes for the same event.</summary>
internal static class RegisterEventJson
{
    /// <summary>The API's JSON conventions (camelCase, kebab-case enums, Chinese unescaped), usable outside a request.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static RegisterEventDto ToDto(RegisterEvent e, string? baseUrl) => new(
        e.Id,
        e.Sequence,
        e.Type,
        e.RecordedAt,
        e.EffectiveOn,
        e.Summary,
        e.DocumentId is { } id ? new EventDocumentDto(id, e.DocumentTitle, e.DocumentNumber, e.UnifiedNumber, RegisterHref(id, baseUrl)) : null,
        e.IssuingAuthorityId is { } authority ? new OrganisationRef(authority, e.IssuingAuthorityName ?? "") : null,
        JsonDocument.Parse(e.Data).RootElement.Clone());

    public static string Serialize(RegisterEvent e, string? baseUrl) => JsonSerializer.Serialize(ToDto(e, baseUrl), Options);

    /// <summary>The public register entry of a document.</summary>
    public static string RegisterHref(Guid documentId, string? baseUrl) => $"{baseUrl?.TrimEnd('/')}/api/v1/register/{documentId:D}";
}
