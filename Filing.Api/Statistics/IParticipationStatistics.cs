namespace Filing.Api.Statistics;

/// <summary>Which documents and period statistics cover.</summary>
/// <param name="IssuingAuthorityId">Documents of this issuing authority, or all.</param>
/// <param name="From">First day of the period (inclusive), or open.</param>
/// <param name="To">Last day of the period (inclusive), or open.</param>
/// <param name="Today">The day asked (for anything derived, such as overdue).</param>
public sealed record StatisticsScope(Guid? IssuingAuthorityId, DateOnly? From, DateOnly? To, DateOnly Today);

/// <summary>
/// Figures of public participation (issue 6: citizen objections 审查建议 and public comments 公开征求意见). The statistics
/// endpoint asks this service; the participation feature registers its implementation, which replaces
/// <see cref="NoParticipationStatistics"/>. Definitions the implementation must keep (they are in the API documentation):
/// objections are counted by the day they were received, against documents of the scope's issuing authority; comments by
/// the day they were submitted, on consultations of the scope's documents.
/// </summary>
public interface IParticipationStatistics
{
    Task<ObjectionFigures> ObjectionsAsync(StatisticsScope scope, CancellationToken cancellationToken);

    Task<CommentFigures> CommentsAsync(StatisticsScope scope, CancellationToken cancellationToken);
}

/// <summary>Citizen objections (审查建议).</summary>
/// <param name="Recorded">False while the participation feature is not installed (all figures are then 0).</param>
/// <param name="Received">Objections received in the period.</param>
/// <param name="Answered">Of those, answered (a written reply was sent to the submitter).</param>
/// <param name="AnsweredWithinDeadline">Of those, answered on or before their handling deadline.</param>
/// <param name="DaysToAnswer">Calendar days from receipt to reply, one value per answered objection (for the median).</param>
public sealed record ObjectionFigures(bool Recorded, int Received, int Answered, int AnsweredWithinDeadline, IReadOnlyList<int> DaysToAnswer)
{
    public static ObjectionFigures NotRecorded { get; } = new(false, 0, 0, 0, []);
}

/// <summary>Public comments on drafts (公开征求意见).</summary>
/// <param name="Recorded">False while the participation feature is not installed (all figures are then 0).</param>
/// <param name="Received">Comments received in the period (hidden ones included).</param>
/// <param name="Answered">Of those, answered by the drafting department (adopted, partly adopted or not adopted).</param>
/// <param name="Adopted">Answered as adopted (采纳).</param>
/// <param name="PartlyAdopted">Answered as partly adopted (部分采纳).</param>
public sealed record CommentFigures(bool Recorded, int Received, int Answered, int Adopted, int PartlyAdopted)
{
    public static CommentFigures NotRecorded { get; } = new(false, 0, 0, 0, 0);
}

/// <summary>
/// Stands in until the participation feature (objections, comments) registers its own
/// <see cref="IParticipationStatistics"/>: its tables do not exist yet, so every figure is 0 and marked not recorded.
/// </summary>
internal sealed class NoParticipationStatistics : IParticipationStatistics
{
    public Task<ObjectionFigures> ObjectionsAsync(StatisticsScope scope, CancellationToken cancellationToken) => Task.FromResult(ObjectionFigures.NotRecorded);

    public Task<CommentFigures> CommentsAsync(StatisticsScope scope, CancellationToken cancellationToken) => Task.FromResult(CommentFigures.NotRecorded);
}
