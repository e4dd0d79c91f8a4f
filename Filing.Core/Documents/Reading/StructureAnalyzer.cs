using Filing.Core.Documents.Structure;

namespace Filing.Core.Documents.Reading;

/// <summary>
/// Turns the accepted paragraphs of a Word file into a <see cref="NormativeDocument"/>: GB/T 9704 header elements,
/// structure paths, outline, articles, validity, attachments and 版记. The work is split over the classes in
/// <c>Filing.Core.Documents.Structure</c>; this is the entry point the OOXML layer and
/// <see cref="NormativeDocumentReader.FromText"/> call.
/// </summary>
internal static class StructureAnalyzer
{
    public static NormativeDocument Analyze(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return DocumentAnalysis.Run(raw);
    }
}
