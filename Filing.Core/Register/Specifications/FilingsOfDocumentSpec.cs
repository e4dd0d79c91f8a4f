using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>A document's filings that <c>caller</c> may see, by recipient.</summary>
public sealed class FilingsOfDocumentSpec : Specification<OversightFiling>
{
    public FilingsOfDocumentSpec(Guid documentId, Caller caller) =>
        Query.Where(f => f.DocumentId == documentId).Where(FilingVisibility.For(caller)).OrderBy(f => f.RecipientName).ThenBy(f => f.Id);
}
