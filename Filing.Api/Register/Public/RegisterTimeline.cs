using Filing.Api.Participation;
using Filing.Core.Calendar;
using Filing.Core.Register;

namespace Filing.Api.Register.Public;

/// <summary>
/// The public history of a published document, from its recorded steps, its filing records (submission, return,
/// receipt, review opinion, correction, each with its own date), published cleanup decisions, amendment links, and the
/// dates on which it came into force or expired (derived), and its public participation: the comment period's close and
/// feedback report, the 政策解读, and every step of every citizen objection (审查建议) as public facts — numbered, never
/// named (see <c>DocumentParticipationEndpoints.EventsAsync</c>, which also feeds <c>GET /api/v1/documents/{id}/participation</c>).
/// <para>
/// What is deliberately left out (decided here, documented in the README): review opinions (审查意见) and the drafter's
/// answers to findings, filing return reasons and oversight opinion texts (internal exchanges between bodies), the reason
/// a public comment was not held, draft versions after the first upload, and any person: events name organisations
/// only (never the API-key label recorded with a step). Repeal and revocation reasons stay, as they are published
/// with the decision.
/// </para>
/// </summary>
public static class RegisterTimeline
{
    /// <summary>Builds the events, oldest first.</summary>
    /// <param name="document">The published record.</param>
    /// <param name="organisationNames">Names of the organisations that recorded steps.</param>
    /// <param name="filings">The document's filings with the oversight bodies.</param>
    /// <param name="replaced">Documents this one amended (their <c>ReplacedById</c> is this document).</param>
    /// <param name="replacement">The document that replaced this one, if any.</param>
    /// <param name="cleanups">Published cleanup campaigns that decided on this document.</param>
    /// <param name="calendar">Turns instants into Chinese dates.</param>
    /// <param name="today">Derived events (in force, expired) are shown up to this day.</param>
    /// <param name="participation">The document's participation events (comment period, feedback report, 政策解读, objections).</param>
    public static IReadOnlyList<TimelineEventDto> Build(
        NormativeDocumentRecord document,
        IReadOnlyDictionary<Guid, string> organisationNames,
        IReadOnlyList<OversightFiling> filings,
        IReadOnlyList<DocumentRefDto> replaced,
        DocumentRefDto? replacement,
        IReadOnlyList<(CleanupCampaign Campaign, CleanupItem Item)> cleanups,
        WorkingCalendar calendar,
        DateOnly today,
        IReadOnlyList<ParticipationEventDto> participation)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(participation);
        var events = new List<(TimelineEventDto Event, int Order)>();
        var order = 0;
        void Add(DateOnly date, string kind, string title, string? detail = null, string? outcome = null, OrganisationRef? by = null, bool derived = false) =>
            events.Add((new TimelineEventDto(date, kind, title, detail, outcome, by, derived), order++));
        OrganisationRef By(ProcedureStep s) =>
            new(s.ActorOrganisationId, organisationNames.TryGetValue(s.ActorOrganisationId, out var name) ? name : "");

        // Participation events (see DocumentParticipationEndpoints.EventsAsync), placed where they belong within a day:
        // the comment period's close and feedback report come before the steps of that day (the collective decision waits
        // for the report), the 政策解读 right after the publication, everything else after the register's own events.
        // The opening is already on the timeline as the register's public-comment step (with its period).
        var commentStepRecorded = document.Steps.Any(s => s.Kind == StepKind.PublicCommentOpened);
        void AddParticipation(ParticipationEventDto e) => Add(e.On, e.Kind, e.Description, null, e.Outcome, e.By);
        var beforeSteps = participation.Where(e => e.Kind is "comment-period-opened" or "comment-period-closed" or "feedback-report-published").ToList();
        var withPublication = participation.Where(e => e.Kind == "policy-interpretation-published").ToList();
        foreach (var e in beforeSteps.Where(e => !(e.Kind == "comment-period-opened" && commentStepRecorded)))
        {
            AddParticipation(e);
        }

        var drafted = false;
        foreach (var step in document.Steps)
        {
            var on = step.Date ?? calendar.DateOf(step.At);
            var outcome = step.Outcome == StepOutcome.Recorded ? null : Infrastructure.JsonNaming.Kebab(step.Outcome.ToString());
            switch (step.Kind)
            {
                case StepKind.DraftUploaded when !drafted:
                    drafted = true;
                    Add(calendar.DateOf(step.At), "drafted", "起草", null, null, new OrganisationRef(document.DraftingDepartmentId, document.DraftingDepartmentName));
                    break;
                case StepKind.PublicCommentOpened:
                    Add(document.CommentPeriodStart ?? on, "public-comment", "公开征求意见",
                        document.CommentPeriodStart is { } s && document.CommentPeriodEnd is { } e ? $"{Iso(s)} 至 {Iso(e)}" : null, null, By(step));
                    break;
                case StepKind.PublicCommentWaived:
                    Add(calendar.DateOf(step.At), "public-comment-waived", "未公开征求意见（已记录理由）", null, null, By(step));
                    break;
                case StepKind.FairCompetitionSelfReview:
                    Add(on, "fair-competition-review", "公平竞争审查（起草单位初审）", null, outcome, By(step));
                    break;
                case StepKind.FairCompetitionJointReview:
                    Add(on, "fair-competition-joint-review", "公平竞争审查（会同审查）", null, outcome, By(step));
                    break;
                case StepKind.GenderEqualityAssessment:
                    Add(on, "gender-equality-assessment", "性别平等评估", null, outcome, By(step));
                    break;
                case StepKind.HealthScreening:
                    Add(on, "health-screening", "健康影响评价", null, outcome, By(step));
                    break;
                case StepKind.LegalityReview:
                    Add(on, "legality-review", "合法性审核", null, outcome, By(step));
                    break;
                case StepKind.CollectiveDecision:
                    Add(on, "collective-decision", "集体审议决定", step.Detail, null, By(step));
                    break;
                case StepKind.Registration:
                    // The note of a 发文字号 set or corrected at registration (发文字号更正为…) follows the unified number.
                    Add(on, "registration", "统一登记、统一编号", step.Opinion is null ? step.Detail : $"{step.Detail}；{step.Opinion}", null, By(step));
                    break;
                case StepKind.Publication:
                    Add(on, "publication", "统一发布", step.Detail, null, By(step));
                    foreach (var other in replaced)
                    {
                        Add(on, "amends", "修改（替代）原文件", Describe(other));
                    }

                    foreach (var interpretation in withPublication)
                    {
                        AddParticipation(interpretation);
                    }

                    break;
                case StepKind.Termination:
                    var (kind, title) = document.Termination switch
                    {
                        TerminationKind.DeclaredInvalid => ("declared-invalid", "宣布失效"),
                        TerminationKind.Amended => ("amended", "被修改后的文件替代"),
                        TerminationKind.Revoked => ("revoked", "撤销（备案审查）"),
                        _ => ("repealed", "废止"),
                    };
                    var detail = kind == "amended" && replacement is not null ? Describe(replacement) : document.TerminationReason;
                    Add(document.TerminatedOn ?? on, kind, title, detail, null, By(step));
                    break;
                case StepKind.AmendmentPlanned:
                    Add(calendar.DateOf(step.At), "amendment-planned", "清理决定：拟修改", null, null, By(step));
                    break;
            }
        }

        foreach (var filing in filings.OrderBy(f => f.FirstSubmittedOn).ThenBy(f => f.RecipientName, StringComparer.Ordinal))
        {
            var to = new OrganisationRef(filing.RecipientId, filing.RecipientName);
            Add(filing.FirstSubmittedOn, "filed", "报送备案", $"报送{filing.RecipientName}，备案期限至{Iso(filing.DueDate)}", null, to);
            if (filing.ReturnedAt is { } returned)
            {
                Add(calendar.DateOf(returned), "filing-returned", "备案材料退回补正", null, null, to);
            }

            if (filing.Submissions > 1)
            {
                Add(filing.SubmittedOn, "filing-resubmitted", "重新报送备案", null, null, to);
            }

            if (filing.ReceivedAt is { } received)
            {
                Add(calendar.DateOf(received), "filing-received", "备案审查机关接收", null, null, to);
            }

            if (filing.Opinion is { } opinion && filing.OpinionAt is { } opinionAt)
            {
                Add(calendar.DateOf(opinionAt), "filing-review-opinion", "备案审查意见", null, Infrastructure.JsonNaming.Kebab(opinion.ToString()), to);
            }

            if (filing.CorrectedAt is { } corrected)
            {
                Add(calendar.DateOf(corrected), "filing-corrected", "按备案审查意见纠正", null, null, to);
            }
        }

        foreach (var (campaign, item) in cleanups)
        {
            if (campaign.PublishedOn is { } on && item.Decision is { } decision)
            {
                Add(on, "cleanup-decision", "清理结果公布", campaign.Title, Infrastructure.JsonNaming.Kebab(decision.ToString()),
                    new OrganisationRef(campaign.IssuingAuthorityId, campaign.IssuingAuthorityName));
            }
        }

        // The rest of participation (objections, later comment-period events) after the register's own events of a day.
        foreach (var e in participation.Except(beforeSteps).Except(withPublication))
        {
            AddParticipation(e);
        }

        if (document.EffectiveDate is { } effective && effective <= today && document.PublishedOn is not null
            && (document.TerminatedOn is null || effective < document.TerminatedOn))
        {
            Add(effective, "in-force", "施行", null, null, null, derived: true);
        }

        if (document.ValidUntil is { } until && until < today && (document.TerminatedOn is null || until < document.TerminatedOn))
        {
            Add(until.AddDays(1), "expired", "有效期届满失效", $"有效期至 {Iso(until)}", null, null, derived: true);
        }

        return [.. events.OrderBy(e => e.Event.Date).ThenBy(e => e.Order).Select(e => e.Event)];
    }

    private static string Describe(DocumentRefDto d) =>
        string.Join(" ", new[] { d.Title, d.DocumentNumber, d.UnifiedNumber }.Where(x => !string.IsNullOrEmpty(x)));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
