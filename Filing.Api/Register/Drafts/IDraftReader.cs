using Filing.Core.Documents;

namespace Filing.Api.Register.Drafts;

/// <summary>
/// The seam to the Word reader: turns an uploaded file into a <see cref="NormativeDocument"/> or throws
/// <see cref="DocumentReadException"/>. The default calls <see cref="NormativeDocumentReader.Read"/>.
/// </summary>
public interface IDraftReader
{
    NormativeDocument Read(Stream content);
}

/// <summary>Reads uploads with <see cref="NormativeDocumentReader"/>.</summary>
internal sealed class NormativeDocumentDraftReader : IDraftReader
{
    public NormativeDocument Read(Stream content) => NormativeDocumentReader.Read(content, DocumentReaderOptions.Default);
}
