using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Filing.Api.Infrastructure;

namespace Filing.Api.Register.Public;

/// <summary>
/// Streams register rows as CSV or JSON Lines. Rows are written as they arrive from the database and flushed in
/// batches, so memory stays flat however large the register is.
/// <para>
/// CSV choices: UTF-8 <em>with</em> a byte-order mark, because Excel (the tool most offices open CSV with) reads a
/// BOM-less file in the local ANSI code page and garbles Chinese; RFC 4180 quoting (fields with a comma, quote, CR or
/// LF are quoted, quotes doubled) and CRLF line ends; a text cell starting with <c>= + - @</c> gets a leading
/// apostrophe, the usual defence against spreadsheet formula injection (OWASP “CSV injection”).
/// </para>
/// </summary>
public static class RegisterExport
{
    /// <summary>The CSV header, in column order.</summary>
    public static readonly string[] Columns =
    [
        "id", "title", "documentNumber", "unifiedNumber", "documentType", "status", "issuingAuthorityId", "issuingAuthority",
        "draftingDepartmentId", "draftingDepartment", "publishedOn", "effectiveDate", "validUntil", "endedHow", "endedOn",
        "publicationChannel", "url",
    ];

    private const int FlushEvery = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes CSV (BOM, header, rows) to <paramref name="output"/>.</summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<RegisterRow> rows, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(string.Join(',', Columns));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var r = ToExport(row, today);
            await writer.WriteLineAsync(string.Join(',',
                Field(r.Id.ToString("D")), Text(r.Title), Text(r.DocumentNumber), Text(r.UnifiedNumber), Text(r.DocumentType),
                Field(JsonNaming.Kebab(r.Status.ToString())), Field(r.IssuingAuthorityId.ToString("D")), Text(r.IssuingAuthority),
                Field(r.DraftingDepartmentId.ToString("D")), Text(r.DraftingDepartment), Field(Day(r.PublishedOn)), Field(Day(r.EffectiveDate)),
                Field(Day(r.ValidUntil)), Field(r.EndedHow is { } how ? JsonNaming.Kebab(how.ToString()) : null), Field(Day(r.EndedOn)),
                Text(r.PublicationChannel), Field(r.Url)));
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>Writes one JSON object per line (UTF-8 without BOM, LF line ends).</summary>
    public static async Task WriteJsonLinesAsync(Stream output, IAsyncEnumerable<RegisterRow> rows, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var newline = new byte[] { (byte)'\n' };
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(ToExport(row, today), Json), ct);
            await output.WriteAsync(newline, ct);
            if (++count % FlushEvery == 0)
            {
                await output.FlushAsync(ct);
            }
        }

        await output.FlushAsync(ct);
    }

    /// <summary>The export shape of a row.</summary>
    public static RegisterExportRow ToExport(RegisterRow r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RegisterExportRow(r.Id, r.Title, r.DocumentNumber, r.UnifiedNumber, r.DocumentType, r.StatusOn(today),
            r.IssuingAuthorityId, r.IssuingAuthorityName, r.DraftingDepartmentId, r.DraftingDepartmentName, r.PublishedOn, r.EffectiveDate,
            r.ValidUntil, r.Termination, r.Termination is null ? null : r.TerminatedOn, r.PublicationChannel, $"/api/v1/register/{r.Id}");
    }

    /// <summary>A free-text cell: formula-looking starts are defused, then quoted as needed.</summary>
    public static string Text(string? value) =>
        Field(value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    /// <summary>RFC 4180: quote when the value holds a comma, quote, CR or LF; double the quotes.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
