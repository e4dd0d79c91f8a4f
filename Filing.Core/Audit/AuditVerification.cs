namespace Filing.Core.Audit;

/// <summary>The result of checking a stream's hash chain.</summary>
/// <param name="Valid">Whether every entry is intact and none is missing.</param>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstInvalidSequence">The first sequence found wrong, if any.</param>
/// <param name="Problem">What was wrong, if anything.</param>
public sealed record AuditVerification(bool Valid, int Entries, int? FirstInvalidSequence, string? Problem);
