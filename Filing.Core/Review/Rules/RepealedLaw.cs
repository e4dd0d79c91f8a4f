namespace Filing.Core.Review.Rules;

/// <summary>A national law or regulation that is no longer in force, from <c>corpus/rules/repealed-laws.yaml</c>.</summary>
/// <param name="Name">Short name without 中华人民共和国, e.g. 合同法.</param>
/// <param name="Aliases">Other names it is cited by (e.g. 民通 for 民法通则), may be empty.</param>
/// <param name="Repealed">Date it ceased to be in force.</param>
/// <param name="Successor">What replaced it, e.g. 民法典.</param>
/// <param name="Source">Where the repeal is stated (article of the successor), for the reviewer to check.</param>
public sealed record RepealedLaw(string Name, IReadOnlyList<string> Aliases, DateOnly Repealed, string Successor, string Source);
