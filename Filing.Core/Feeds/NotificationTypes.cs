namespace Filing.Core.Feeds;

/// <summary>
/// Non-public notifications addressed to one organisation (reminders, assignments). They are delivered only to that
/// organisation's webhook subscriptions and never appear in the public change log or feed. Features add their types
/// here (names are part of the API contract: add, never rename).
/// </summary>
public static class NotificationTypes
{
    /// <summary>Every notification type with a short description.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["objection.received"] = "审查建议: a citizen objection reached the organisation's queue",
        ["objection.reminder"] = "审查建议: the handling deadline of an objection is near",
        ["objection.overdue"] = "审查建议: the handling deadline of an objection has passed",
        ["filing.due-reminder"] = "备案: a filing or correction deadline is near",
    };

    /// <summary>Whether <paramref name="type"/> is a known notification type.</summary>
    public static bool IsKnown(string type) => All.ContainsKey(type);
}
