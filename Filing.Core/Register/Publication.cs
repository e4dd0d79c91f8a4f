namespace Filing.Core.Register;

/// <summary>What is recorded at publication (统一发布).</summary>
/// <param name="Date">公布日期.</param>
/// <param name="Channel">Where: 政府公报, 政府网站, 报纸….</param>
/// <param name="PolicyInterpretation">政策解读 text, if any.</param>
/// <param name="EffectiveDate">施行日期; defaults to the date the document states, else the publication date.</param>
/// <param name="ValidUntil">Last day of validity; defaults to what the document states, else none.</param>
public sealed record Publication(
    DateOnly Date,
    string Channel,
    string? PolicyInterpretation = null,
    DateOnly? EffectiveDate = null,
    DateOnly? ValidUntil = null);
