namespace Filing.Core.Register;

/// <summary>
/// The Word file a 政策解读 (policy interpretation) was read from, kept beside the record for download; its text is
/// <see cref="NormativeDocumentRecord.PolicyInterpretation"/>.
/// </summary>
public sealed class PolicyInterpretationFile
{
    private PolicyInterpretationFile()
    {
        FileName = "";
        ContentType = "";
        FileSha256 = "";
        File = [];
    }

    /// <summary>Creates the row.</summary>
    public PolicyInterpretationFile(Guid documentId, string fileName, string contentType, byte[] file, string fileSha256, string? title, DateTimeOffset uploadedAt)
    {
        DocumentId = documentId;
        FileName = fileName;
        ContentType = contentType;
        File = file;
        FileSha256 = fileSha256;
        Title = title;
        UploadedAt = uploadedAt;
    }

    /// <summary>The document it interprets.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>File name as uploaded.</summary>
    public string FileName { get; private set; }

    /// <summary>MIME type.</summary>
    public string ContentType { get; private set; }

    /// <summary>The file.</summary>
    public byte[] File { get; private set; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public string FileSha256 { get; private set; }

    /// <summary>Title the reader found in it.</summary>
    public string? Title { get; private set; }

    /// <summary>When it was attached.</summary>
    public DateTimeOffset UploadedAt { get; private set; }
}
