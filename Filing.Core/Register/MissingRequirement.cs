namespace Filing.Core.Register;

/// <summary>Something a step needs that has not happened yet.</summary>
/// <param name="Code">Stable code, e.g. <c>legality-review</c>.</param>
/// <param name="Message">What is missing, in Chinese and English.</param>
public sealed record MissingRequirement(string Code, string Message);
