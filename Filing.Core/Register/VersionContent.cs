namespace Filing.Core.Register;

/// <summary>
/// The bytes and full parse of one uploaded version, stored beside the record so that loading the aggregate for a
/// step does not drag every file along.
/// </summary>
public sealed class VersionContent
{
    private VersionContent()
    {
        ContentType = "";
        ParsedJson = "";
        File = [];
    }

    /// <summary>Creates the content row.</summary>
    public VersionContent(Guid documentId, int versionNumber, string contentType, byte[] file, string parsedJson)
    {
        DocumentId = documentId;
        VersionNumber = versionNumber;
        ContentType = contentType;
        File = file;
        ParsedJson = parsedJson;
    }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>The version.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>MIME type of the file as detected.</summary>
    public string ContentType { get; private set; }

    /// <summary>The uploaded file.</summary>
    public byte[] File { get; private set; }

    /// <summary>The reader's full result as JSON (a serialized <see cref="Documents.NormativeDocument"/>).</summary>
    public string ParsedJson { get; private set; }
}
