using Filing.Core.Calendar;

namespace Filing.Core.Register;

/// <summary>An oversight body a published document must be filed with, and the period for filing.</summary>
/// <param name="Recipient">The oversight body (e.g. 县人大常委会).</param>
/// <param name="Period">Filing period after publication (default 30 日 for the 本级人大常委会).</param>
public sealed record FilingRoute(Organisation Recipient, Period Period);
