using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>One document, if <c>caller</c> may see it.</summary>
public sealed class DocumentByIdSpec : Specification<NormativeDocumentRecord>, ISingleResultSpecification<NormativeDocumentRecord>
{
    public DocumentByIdSpec(Guid id, Caller caller) =>
        Query.Where(d => d.Id == id).Where(DocumentVisibility.For(caller));
}
