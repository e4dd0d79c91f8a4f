using Filing.Api.Infrastructure.Data;
using Filing.Api.Statistics;
using Filing.Core.Calendar;
using Filing.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Participation;

/// <summary>
/// The participation figures of <c>GET /api/v1/statistics</c>, counted in the database over the participation tables
/// (replaces <see cref="NoParticipationStatistics"/>). Definitions, as in <see cref="StatisticsDefinitions"/>:
/// <list type="bullet">
/// <item>Objections: by day of receipt (Beijing), against documents of the scope's issuing authority; answered = the
/// written reply was given (as of today); within the deadline = replied on or before the due date; days to answer =
/// calendar days from the day of receipt to the day of the reply.</item>
/// <item>Comments: by day of submission (Beijing), on comment periods of drafts of the scope's issuing authority,
/// hidden ones included in <c>received</c>. A comment counts as answered, adopted or partly adopted only once the
/// feedback report (意见采纳情况) of its period is published — answers are drafts until then and not public — and
/// with the answer the report shows for it: its own, or, for a duplicate, the answer of the comment it repeats
/// (<see cref="Consultation.EffectiveAnswer"/>). Hidden comments are never answered.</item>
/// </list>
/// </summary>
internal sealed class ParticipationStatistics(FilingDbContext db, WorkingCalendar calendar) : IParticipationStatistics
{
    public async Task<ObjectionFigures> ObjectionsAsync(StatisticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var objections = db.Objections.AsNoTracking();
        if (scope.IssuingAuthorityId is { } authority)
        {
            objections = objections.Where(o => o.IssuingAuthorityId == authority);
        }

        if (scope.From is { } from)
        {
            objections = objections.Where(o => o.ReceivedOn >= from);
        }

        if (scope.To is { } to)
        {
            objections = objections.Where(o => o.ReceivedOn <= to);
        }

        var received = await objections.CountAsync(cancellationToken);
        if (received == 0)
        {
            return new ObjectionFigures(true, 0, 0, 0, []);
        }

        // One row per answered objection: the median needs the values, and these two dates are all that is read.
        var answered = await objections.Where(o => o.RepliedOn != null)
            .Select(o => new { o.ReceivedOn, RepliedOn = o.RepliedOn!.Value, o.DueDate })
            .ToListAsync(cancellationToken);
        return new ObjectionFigures(
            true,
            received,
            answered.Count,
            answered.Count(a => a.RepliedOn <= a.DueDate),
            [.. answered.Select(a => a.RepliedOn.DayNumber - a.ReceivedOn.DayNumber)]);
    }

    public async Task<CommentFigures> CommentsAsync(StatisticsScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var comments =
            from c in db.ConsultationComments.AsNoTracking()
            join k in db.Consultations.AsNoTracking() on c.ConsultationId equals k.Id
            select new { Comment = c, Consultation = k };
        if (scope.IssuingAuthorityId is { } authority)
        {
            comments = comments.Where(x => x.Consultation.IssuingAuthorityId == authority);
        }

        // Comments carry the instant they arrived; the period is Beijing days: [from 00:00, to + 1 00:00) at +08:00.
        if (scope.From is { } from)
        {
            var start = StartOf(from);
            comments = comments.Where(x => x.Comment.SubmittedAt >= start);
        }

        if (scope.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            comments = comments.Where(x => x.Comment.SubmittedAt < end);
        }

        // The answer the published feedback report shows for each comment (null: not answered, or not public yet).
        var outcomes =
            from x in comments
            let effective = x.Comment.AnswerId
                ?? db.ConsultationComments.Where(f => f.Id == x.Comment.DuplicateOfId && !f.Hidden).Select(f => f.AnswerId).FirstOrDefault()
            select x.Comment.Hidden || x.Consultation.FeedbackPublishedOn == null
                ? null
                : db.CommentAnswers.Where(a => a.Id == effective).Select(a => (AnswerOutcome?)a.Outcome).FirstOrDefault();

        var counts = await outcomes
            .GroupBy(o => 1)
            .Select(g => new
            {
                Received = g.Count(),
                Answered = g.Count(o => o != null),
                Adopted = g.Count(o => o == AnswerOutcome.Adopted),
                PartlyAdopted = g.Count(o => o == AnswerOutcome.PartlyAdopted),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null
            ? new CommentFigures(true, 0, 0, 0, 0)
            : new CommentFigures(true, counts.Received, counts.Answered, counts.Adopted, counts.PartlyAdopted);
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // In UTC: Npgsql writes timestamptz parameters with offset 0 only.
        return new DateTimeOffset(midnight, calendar.TimeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
