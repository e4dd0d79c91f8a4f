using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Participation;
using Filing.Core.Participation;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Participation;

/// <summary>
/// Public participation over HTTP: comment periods from opening to the feedback report on the published document,
/// objections from filing to the written reply, with their deadlines, notices and reminders. Each runs on SQLite and
/// on PostgreSQL (see the derived classes).
/// </summary>
public abstract class ParticipationScenarios
{
    protected ParticipationScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        At(9, 6);
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    /// <summary>10:00 in Beijing on that day of 2024.</summary>
    protected void At(int month, int day) => Factory.Clock.Set(new DateTimeOffset(2024, month, day, 2, 0, 0, TimeSpan.Zero));

    public static byte[] MeasuresDraft() => TestDocx.Draft("桐庐县城市道路临时占用管理办法（征求意见稿）",
        "第一条　为了规范城市道路临时占用管理，制定本办法。",
        "第二条　申请临时占用城市道路的，应当向县住房和城乡建设局提出申请。",
        "县住房和城乡建设局应当自受理之日起五个工作日内作出决定。",
        "第三条　申请人应当提交下列材料：",
        "（一）申请书；",
        "（二）营业执照复印件；",
        "（三）占用道路的平面示意图。",
        "第四条　临时占用期满的，应当在五个工作日内恢复原状。",
        "第五条　本办法自2025年1月1日起施行。");

    protected async Task<(Guid Document, Guid Consultation)> OpenAsync(string start = "2024-09-09", string end = "2024-09-18")
    {
        var id = await Client.UploadAsync(MeasuresDraft());
        var opened = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { start, end, businessRelated = false });
        await Expect(opened, HttpStatusCode.Created);
        return (id, (await Json(opened)).GetProperty("id").GetGuid());
    }

    protected async Task<HttpResponseMessage> CommentAsync(Guid consultation, object body, string? idempotencyKey = null) =>
        await Client.PostAsync(Anonymous, $"/api/v1/consultations/{consultation}/comments", body, idempotencyKey);

    protected async Task PassReviewsAsync(Guid id)
    {
        var d = $"/api/v1/documents/{id}";
        await Client.PostOkAsync(Drafter, d + "/fair-competition-review", new { outcome = "passed", opinion = "不含排除、限制竞争内容" });
        await Client.PostOkAsync(Market, d + "/fair-competition-review", new { outcome = "passed", opinion = "同意" });
        await Client.PostOkAsync(Drafter, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, d + "/health-screening", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed", opinion = "合法" });
    }

    protected async Task<(string Code, string Secret)> ObjectAsync(Guid document, object? contact = null, string grounds = "该项要求企业提交无法定依据的证明材料。",
        string[]? articles = null, string? idempotencyKey = null)
    {
        var response = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = document, articles, grounds, contact }, idempotencyKey);
        await Expect(response, HttpStatusCode.Created);
        var body = await Json(response);
        return (body.GetProperty("trackingCode").GetString()!, body.GetProperty("secret").GetString()!);
    }

    protected async Task<HttpResponseMessage> TrackAsync(string code, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/objections/{code}");
        if (secret is not null)
        {
            request.Headers.Add("X-Objection-Secret", secret);
        }

        return await Client.As(Anonymous).SendAsync(request);
    }

    [Fact]
    public async Task RunsCommentPeriodToFeedbackReportOnPublishedDocument_GivenAnonymousComments()
    {
        var id = await Client.UploadAsync(MeasuresDraft());
        var d = $"/api/v1/documents/{id}";

        var tooShort = await Client.PostAsync(Drafter, d + "/consultation", new { start = "2024-09-09", end = "2024-09-17", businessRelated = false });
        tooShort.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var shortProblem = await Json(tooShort);
        shortProblem.GetProperty("code").GetString().Should().Be("comment-period-too-short");
        shortProblem.GetProperty("detail").GetString().Should().Contain("7个工作日").And.Contain("2024-09-18", "中秋 09-15..17 is skipped, Saturday 09-14 counts");
        var past = await Client.PostAsync(Drafter, d + "/consultation", new { start = "2024-09-05", end = "2024-09-30" });
        (await Json(past)).GetProperty("code").GetString().Should().Be("start-in-past");

        var opened = await Client.PostAsync(Drafter, d + "/consultation", new { start = "2024-09-09", end = "2024-09-18", businessRelated = false });
        await Expect(opened, HttpStatusCode.Created);
        var openedBody = await Json(opened);
        var cid = openedBody.GetProperty("id").GetGuid();
        opened.Headers.Location!.ToString().Should().Be($"/api/v1/consultations/{cid}");
        openedBody.GetProperty("earliestAllowedEnd").GetString().Should().Be("2024-09-18");
        var c = $"/api/v1/consultations/{cid}";

        var list = await Client.GetOkAsync(Anonymous, "/api/v1/consultations");
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == cid).GetProperty("status").GetString().Should().Be("scheduled");
        var detail = await Client.GetOkAsync(Anonymous, c);
        detail.GetProperty("title").GetString().Should().Be("桐庐县城市道路临时占用管理办法（征求意见稿）");
        detail.GetProperty("deadline").GetDateTimeOffset().Should().Be(new DateTimeOffset(2024, 9, 19, 0, 0, 0, TimeSpan.FromHours(8)));
        detail.GetProperty("howToComment").GetProperty("accepting").GetBoolean().Should().BeFalse();
        detail.GetProperty("draft").GetProperty("form").GetString().Should().Be("articles");
        detail.GetProperty("draft").GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString())
            .Should().Equal("第一条", "第二条", "第三条", "第四条", "第五条");
        detail.GetProperty("draft").GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("path").GetString())
            .Should().Contain("第三条第（二）项");
        (await Client.GetAsync(Anonymous, d)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the draft itself is not public; its comment period is");

        var early = await CommentAsync(cid, new { text = "提前提交的意见" });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(early)).GetProperty("code").GetString().Should().Be("consultation-not-started");

        At(9, 10);
        var key = Guid.NewGuid().ToString();
        var first = await CommentAsync(cid, new { text = "建议将五个工作日缩短为三个工作日。", anchor = new { path = "第2条", quote = "五个工作日" } }, key);
        var firstRetry = await CommentAsync(cid, new { text = "建议将五个工作日缩短为三个工作日。", anchor = new { path = "第2条", quote = "五个工作日" } }, key);
        await Expect(first, HttpStatusCode.Created);
        var firstBody = await Json(first);
        firstBody.GetProperty("number").GetInt32().Should().Be(1);
        firstBody.GetProperty("anchor").GetProperty("path").GetString().Should().Be("第二条");
        firstBody.GetProperty("anchor").GetProperty("quote").GetString().Should().Be("五个工作日");
        firstRetry.Headers.GetValues("Idempotency-Replayed").Should().Equal("true");
        (await Json(firstRetry)).GetProperty("number").GetInt32().Should().Be(1, "a retry creates nothing");

        var named = await CommentAsync(cid, new
        {
            text = "营业执照复印件应当取消，可通过数据共享获取。",
            name = "王五",
            organisation = "桐庐某物流有限公司",
            contact = new { phone = "13900001111", email = "wangwu@example.com" },
            anchor = new { quote = "营业执照复印件" },
        });
        await Expect(named, HttpStatusCode.Created);
        (await Json(named)).GetProperty("number").GetInt32().Should().Be(2);
        var repeat = await CommentAsync(cid, new { text = " 建议将五个工作日缩短为三个工作日 ！" });
        (await Json(repeat)).GetProperty("duplicateOf").GetInt32().Should().Be(1);
        await Expect(await CommentAsync(cid, new { text = "广告：代办各类证件" }), HttpStatusCode.Created);

        var badPath = await CommentAsync(cid, new { text = "意见", anchor = new { path = "第九条" } });
        badPath.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(badPath)).GetProperty("errors").GetProperty("anchor.path")[0].GetString().Should().Contain("第九条");
        var ambiguous = await CommentAsync(cid, new { text = "意见", anchor = new { quote = "五个工作日" } });
        (await Json(ambiguous)).GetProperty("errors").GetProperty("anchor.quote")[0].GetString().Should().Contain("2");
        var empty = await CommentAsync(cid, new { text = "   " });
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(empty)).GetProperty("code").GetString().Should().Be("validation-failed");
        (await CommentAsync(cid, new { text = new string('长', 5001) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CommentAsync(Guid.NewGuid(), new { text = "意见" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await Client.PostAsync(Drafter, c + "/close")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var answerEarly = await Client.PostAsync(Drafter, c + "/answers", new { comments = new[] { 1 }, outcome = "adopted" });
        (await Json(answerEarly)).GetProperty("code").GetString().Should().Be("consultation-not-closed");
        (await Client.PostAsync(Drafter2, c + "/comments/4/hide", new { reason = "广告" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var hidden = await Client.PostOkAsync(Drafter, c + "/comments/4/hide", new { reason = "商业广告" });
        hidden.GetProperty("hidden").GetBoolean().Should().BeTrue();

        var publicComments = await Client.GetOkAsync(Anonymous, c + "/comments");
        publicComments.GetProperty("total").GetInt32().Should().Be(3);
        publicComments.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).Should().Equal(1, 2, 3);
        publicComments.GetProperty("items")[1].TryGetProperty("submitter", out _).Should().BeFalse();
        var desk = await Client.GetOkAsync(Drafter, c + "/desk/comments");
        desk.GetProperty("total").GetInt32().Should().Be(4);
        desk.GetProperty("items")[1].GetProperty("submitter").GetProperty("email").GetString().Should().Be("wangwu@example.com");
        desk.GetProperty("items")[3].GetProperty("hiddenReason").GetString().Should().Be("商业广告");
        (await Client.GetAsync(Drafter2, c + "/desk/comments")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.GetAsync(Anonymous, c + "/desk/comments")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await PassReviewsAsync(id);

        At(9, 19);
        var late = await CommentAsync(cid, new { text = "迟到的意见" });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var lateProblem = await Json(late);
        lateProblem.GetProperty("code").GetString().Should().Be("consultation-closed");
        lateProblem.GetProperty("detail").GetString().Should().Contain("2024-09-18");

        var closed = await Client.PostOkAsync(Drafter, c + "/close");
        closed.GetProperty("status").GetString().Should().Be("closed");
        closed.GetProperty("unanswered").GetInt32().Should().Be(3);
        var partly = await Client.PostOkAsync(Drafter, c + "/answers",
            new { comments = new[] { 1 }, outcome = "partly-adopted", reason = "办理时限压缩为四个工作日；三个工作日不足以完成现场核查。" });
        partly.GetProperty("unanswered").GetInt32().Should().Be(1, "#3 repeats #1 and follows its answer");
        var unanswered = await Client.PostAsync(Drafter, c + "/feedback-report", new { summary = "共收到意见4条" });
        unanswered.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(unanswered)).GetProperty("detail").GetString().Should().Contain("#2");
        (await Client.GetAsync(Anonymous, c + "/feedback-report")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetOkAsync(Drafter, c + "/feedback-report")).GetProperty("publishedOn").ValueKind.Should().Be(JsonValueKind.Null);
        await Client.PostOkAsync(Drafter, c + "/answers", new { comments = new[] { 2 }, outcome = "not-adopted", reason = "法规要求提交" });
        await Client.PostOkAsync(Drafter, c + "/answers", new { comments = new[] { 2 }, outcome = "adopted", reason = "改为通过数据共享核验" });

        var decideEarly = await Client.PostAsync(Legal, d + "/collective-decision", new { meeting = "县政府第20次常务会议", date = "2024-09-19" });
        decideEarly.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(decideEarly)).GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().Equal("public-comment-feedback");

        var report = await Client.PostOkAsync(Drafter, c + "/feedback-report", new { summary = "共收到意见4条，采纳1条，部分采纳2条。" });
        report.GetProperty("publishedOn").GetString().Should().Be("2024-09-19");
        report.GetProperty("received").GetInt32().Should().Be(4);
        report.GetProperty("hidden").GetInt32().Should().Be(1);
        report.GetProperty("duplicates").GetInt32().Should().Be(1);
        report.GetProperty("adopted").GetInt32().Should().Be(1);
        report.GetProperty("partlyAdopted").GetInt32().Should().Be(2);
        report.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("comments").EnumerateArray().Select(x => x.GetProperty("number").GetInt32()).ToList())
            .Should().BeEquivalentTo(new[] { new[] { 1, 3 }, new[] { 2 } }, o => o.WithStrictOrdering());
        var answered = await Client.GetOkAsync(Anonymous, c + "/comments");
        answered.GetProperty("items")[2].GetProperty("answer").GetProperty("outcome").GetString().Should().Be("partly-adopted");
        var notices = await Client.GetOkAsync(Drafter, "/api/v1/notifications?kind=comments-fed-back");
        notices.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("channel").GetString()).Should().BeEquivalentTo(["email", "sms"]);
        notices.GetProperty("items").EnumerateArray().Should().AllSatisfy(n => n.GetProperty("status").GetString().Should().Be("pending"));

        await Client.PostOkAsync(Legal, d + "/collective-decision", new { meeting = "县政府第20次常务会议", date = "2024-09-19" });
        await Client.PostOkAsync(Legal, d + "/registration");
        await Client.PostOkAsync(Legal, d + "/publication", new { date = "2024-09-19", channel = "桐庐县人民政府网站", policyInterpretation = "《办法》政策解读：……" });

        var document = await Client.GetOkAsync(Anonymous, d);
        document.GetProperty("participation").GetProperty("feedbackReportUrl").GetString().Should().Be(c + "/feedback-report");
        document.GetProperty("participation").GetProperty("commentPeriod").GetString().Should().Be("feedback-published");
        document.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString())
            .Should().ContainInOrder("public-comment-opened", "public-comment-closed", "public-comment-feedback-published", "collective-decision", "publication");
        var participation = await Client.GetOkAsync(Anonymous, d + "/participation");
        participation.GetProperty("consultation").GetProperty("id").GetGuid().Should().Be(cid);
        participation.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Should().ContainInOrder("comment-period-opened", "comment-period-closed", "feedback-report-published", "policy-interpretation-published");
        (await Client.GetOkAsync(Anonymous, d + "/policy-interpretation")).GetProperty("source").GetString().Should().Be("text");
        (await Client.GetOkAsync(Anonymous, c + "/feedback-report")).GetProperty("summary").GetString().Should().StartWith("共收到意见4条");

        var audit = await Client.GetOkAsync(Legal, d + "/audit?limit=200");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Count(e => e.GetProperty("action").GetString() == "comment.submitted").Should().Be(4);
        entries.Single(e => e.GetProperty("action").GetString() == "comment.hidden").GetProperty("oldValue").GetString().Should().Contain("代办各类证件");
        entries.Select(e => e.GetProperty("action").GetString()).Should().Contain(["comment.answered", "step.public-comment-closed", "step.public-comment-feedback"]);
        (await Client.GetOkAsync(Legal, d + "/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task FollowsObjectionToReplyWithinDeadline_GivenTrackingCodeAndSecret()
    {
        var id = await Client.UploadAsync(TestDocx.Seed());
        await Client.TakeToAsync(id, "published");
        var draft = await Client.UploadAsync();

        var onDraft = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = draft, grounds = "理由" });
        onDraft.StatusCode.Should().Be(HttpStatusCode.NotFound, "objections are made to published documents; a draft is not revealed");
        var unknownArticle = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = id, articles = new[] { "第九十九条" }, grounds = "理由" });
        unknownArticle.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(unknownArticle)).GetProperty("errors").GetProperty("articles")[0].GetString().Should().Contain("第九十九条");

        var response = await Client.PostAsync(Anonymous, "/api/v1/objections", new
        {
            documentId = id,
            articles = new[] { "二、(三)" },
            grounds = "二、（三）要求各部门对行政规范性文件实行目录管理，但未明确公民查询途径，建议审查。",
            contact = new { name = "李四", phone = "13811112222", email = "lisi@example.com" },
        });
        await Expect(response, HttpStatusCode.Created);
        var receipt = await Json(response);
        var code = receipt.GetProperty("trackingCode").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;
        code.Should().MatchRegex(@"^2024-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        secret.Length.Should().BeGreaterThanOrEqualTo(43);
        receipt.GetProperty("dueDate").GetString().Should().Be("2024-11-05", "60 days after 09-06");
        response.Headers.Location!.ToString().Should().Be($"/api/v1/objections/{code}");

        var status = await Json(await TrackAsync(code, secret));
        status.GetProperty("status").GetString().Should().Be("received");
        status.GetProperty("articles").EnumerateArray().Select(a => a.GetString()).Should().Equal("二、（三）");
        status.TryGetProperty("contact", out _).Should().BeFalse();
        (await TrackAsync(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        var missing = await TrackAsync(code, null);
        var wrong = await TrackAsync(code, secret[..^2] + "xx");
        var unknown = await TrackAsync("2024-0000-0000", secret);
        foreach (var refused in new[] { missing, wrong, unknown })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await Json(wrong)).GetProperty("detail").GetString().Should().Be((await Json(unknown)).GetProperty("detail").GetString(), "nothing tells a wrong secret from an unknown code");

        (await Client.GetAsync(Drafter, "/api/v1/objections")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var queue = await Client.GetOkAsync(Legal, $"/api/v1/objections?documentId={id}");
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("trackingCode").GetString() == code);
        item.GetProperty("contact").GetProperty("phone").GetString().Should().Be("13811112222");
        item.GetProperty("overdue").GetBoolean().Should().BeFalse();
        (await Client.GetOkAsync(Npc, $"/api/v1/objections?documentId={id}")).GetProperty("total").GetInt32().Should().Be(0, "not transferred to the NPC");
        (await Client.PostAsync(Drafter, $"/api/v1/objections/{code}/triage", new { decision = "accepted" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/triage", new { decision = "accepted", note = "材料齐全" });
        var notYet = await Client.PostAsync(Legal, $"/api/v1/objections/{code}/conclusion", new { conclusion = "no-problem", text = "x" });
        (await Json(notYet)).GetProperty("code").GetString().Should().Be("objection-step-not-allowed");
        At(9, 10);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/review", new { note = "已函请县政府办公室说明" });
        At(10, 15);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/conclusion", new { conclusion = "no-problem", text = "该项属于工作要求，未增加公民义务。" });
        var replied = await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/reply", new { text = "经审查，该文件第二、（三）项未违反上位法规定。感谢您的监督。" });
        replied.GetProperty("status").GetString().Should().Be("replied");

        var answeredStatus = await Json(await TrackAsync(code, secret));
        answeredStatus.GetProperty("outcome").GetString().Should().Be("no-problem");
        answeredStatus.GetProperty("reply").GetProperty("repliedOn").GetString().Should().Be("2024-10-15");
        answeredStatus.GetProperty("reply").GetProperty("withinDeadline").GetBoolean().Should().BeTrue();
        answeredStatus.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Should().Equal("received", "accepted", "review-started", "concluded", "replied");
        answeredStatus.ToString().Should().NotContain("函请", "internal notes stay with the office");

        var notices = await Client.GetOkAsync(Legal, "/api/v1/notifications?kind=objection-replied");
        var mine = notices.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("reference").GetString() == $"objection:{code}").ToList();
        mine.Select(n => n.GetProperty("channel").GetString()).Should().BeEquivalentTo(["email", "sms"]);
        mine.Select(n => n.GetProperty("recipient").GetString()).Should().BeEquivalentTo(["lisi@example.com", "13811112222"]);

        var statistics = await Client.GetOkAsync(Anonymous, $"/api/v1/objections/statistics?documentId={id}");
        var counts = statistics.GetProperty("byDocument")[0].GetProperty("counts");
        counts.GetProperty("received").GetInt32().Should().Be(1);
        counts.GetProperty("answeredWithinDeadline").GetInt32().Should().Be(1);
        counts.GetProperty("noProblem").GetInt32().Should().Be(1);
        statistics.GetProperty("byYear")[0].GetProperty("year").GetInt32().Should().Be(2024);
        var participation = await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}/participation");
        participation.GetProperty("objections").GetProperty("answered").GetInt32().Should().Be(1);
        participation.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Should().Contain(["objection-received", "objection-answered"]);
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}")).GetProperty("participation").GetProperty("objectionsReceived").GetInt32().Should().Be(1);

        var audit = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}/audit?limit=200");
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .Should().ContainInOrder("objection.received", "objection.triaged", "objection.review-started", "objection.concluded", "objection.replied");
        audit.ToString().Should().NotContain("13811112222").And.NotContain("lisi@example.com").And.NotContain("李四");
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task ShowsTransferredObjectionToReceivingBody_GivenTransfer()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var (code, secret) = await ObjectAsync(id, new { name = "赵六", email = "zhaoliu@example.com" });

        var missingTarget = await Client.PostAsync(Legal, $"/api/v1/objections/{code}/triage", new { decision = "transferred", reason = "x" });
        missingTarget.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/triage",
            new { decision = "transferred", transferTo = NpcOffice, reason = "属于县人大常委会备案审查范围" });

        var npcQueue = await Client.GetOkAsync(Npc, $"/api/v1/objections?documentId={id}");
        var transferred = npcQueue.GetProperty("items").EnumerateArray().Single();
        transferred.GetProperty("status").GetString().Should().Be("transferred");
        transferred.GetProperty("contact").GetProperty("email").GetString().Should().Be("zhaoliu@example.com", "the receiving body now handles it");
        (await Client.GetOkAsync(Npc, $"/api/v1/objections/{code}/case")).GetProperty("transferredTo").GetProperty("id").GetGuid().Should().Be(NpcOffice);
        (await Client.GetOkAsync(Party, $"/api/v1/objections?documentId={id}")).GetProperty("total").GetInt32().Should().Be(0);
        (await Client.PostAsync(Npc, $"/api/v1/objections/{code}/reply", new { text = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{code}/reply", new { text = "您的审查建议已移送县人大常委会法工委办理。" });

        var status = await Json(await TrackAsync(code, secret));
        status.GetProperty("outcome").GetString().Should().Be("transferred");
        status.GetProperty("transferredTo").GetString().Should().Be("桐庐县人大常委会法制工作委员会");
    }

    [Fact]
    public async Task RemindsLegalOfficeAndShowsOverdue_GivenApproachingDueDate()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var (code, _) = await ObjectAsync(id, grounds: "提醒测试：第二条无上位法依据。");
        var reminders = Factory.Services.GetRequiredService<ObjectionReminders>();

        async Task<List<string>> RemindersFor()
        {
            await reminders.RunOnceAsync(CancellationToken.None);
            var inbox = await Client.GetOkAsync(Legal, "/api/v1/notifications?kind=objection-reminder&limit=200");
            return [.. inbox.GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("reference").GetString() == $"objection:{code}")
                .Select(n => n.GetProperty("subject").GetString()!)];
        }

        (await RemindersFor()).Should().BeEmpty("the reply is due on 2024-11-05");
        At(10, 29);
        (await RemindersFor()).Should().ContainSingle().Which.Should().Contain("2024-11-05").And.Contain("7");
        (await RemindersFor()).Should().HaveCount(1, "a reminder is written once");
        At(11, 4);
        (await RemindersFor()).Should().HaveCount(2);
        (await Client.GetOkAsync(Legal, $"/api/v1/objections?overdue=true&documentId={id}")).GetProperty("total").GetInt32().Should().Be(0);
        At(11, 6);
        (await RemindersFor()).Should().HaveCount(3).And.Contain(s => s.Contains("逾期"));
        var overdue = await Client.GetOkAsync(Legal, $"/api/v1/objections?overdue=true&documentId={id}");
        overdue.GetProperty("items").EnumerateArray().Single().GetProperty("overdue").GetBoolean().Should().BeTrue();
        (await Client.GetOkAsync(Legal, $"/api/v1/objections?overdue=false&documentId={id}")).GetProperty("total").GetInt32().Should().Be(0);
        var inbox = await Client.GetOkAsync(Legal, "/api/v1/notifications?kind=objection-reminder&limit=200");
        inbox.GetProperty("items").EnumerateArray().Should().AllSatisfy(n =>
        {
            n.GetProperty("channel").GetString().Should().Be("internal");
            n.GetProperty("status").GetString().Should().Be("delivered");
        });
    }

    [Fact]
    public async Task ReturnsSameCodeAndSecretWithoutStoringIt_GivenRetriedObjection()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var key = Guid.NewGuid().ToString();

        var first = await ObjectAsync(id, grounds: "重试测试：第一条。", idempotencyKey: key);
        var retry = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = id, articles = (string[]?)null, grounds = "重试测试：第一条。", contact = (object?)null }, key);
        var reused = await Client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = id, grounds = "另一个请求" }, key);

        await Expect(retry, HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotency-Replayed").Should().Equal("true");
        var again = await Json(retry);
        again.GetProperty("trackingCode").GetString().Should().Be(first.Code);
        again.GetProperty("secret").GetString().Should().Be(first.Secret);
        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(reused)).GetProperty("code").GetString().Should().Be("idempotency-key-reused");
        (await TrackAsync(first.Code, first.Secret)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var stored = await db.Objections.AsNoTracking().SingleAsync(o => o.TrackingCode == first.Code);
        stored.SecretHash.Should().Be(ObjectionSecret.Hash(first.Secret)).And.NotContain(first.Secret);
        stored.IdempotencyKeyHash.Should().NotContain(key);
        var idempotencyBodies = await db.IdempotencyRecords.AsNoTracking().Select(r => r.Body).ToListAsync();
        idempotencyBodies.Where(b => b != null).Select(b => System.Text.Encoding.UTF8.GetString(b!)).Should().NotContain(b => b.Contains(first.Secret));
        (await db.Objections.CountAsync(o => o.DocumentId == id)).Should().Be(1);
    }

    [Fact]
    public async Task RefusesBadPublicSubmissions_GivenEmptyOversizedOrMalformedInput()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");

        async Task<JsonElement> Refused(object body, HttpStatusCode status)
        {
            var response = await Client.PostAsync(Anonymous, "/api/v1/objections", body);
            response.StatusCode.Should().Be(status);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return await Json(response);
        }

        (await Refused(new { documentId = id, grounds = "" }, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("grounds").GetArrayLength().Should().Be(1);
        (await Refused(new { grounds = "理由" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("documentId", out _).Should().BeTrue();
        (await Refused(new { documentId = id, grounds = new string('理', 20001) }, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("grounds")[0]
            .GetString().Should().Contain("20000");
        var contact = await Refused(new { documentId = id, grounds = "理由", contact = new { email = "not-an-email", idNumber = "330122199001011234", phone = "call me" } },
            HttpStatusCode.BadRequest);
        contact.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["contact.email", "contact.idNumber", "contact.phone"]);
        contact.ToString().Should().NotContain("330122199001011234", "refusals do not echo personal data");
        (await Refused(new { documentId = id, grounds = new string('大', 50000) }, HttpStatusCode.RequestEntityTooLarge)).GetProperty("code").GetString().Should().Be("too-large");

        using var notJson = new StringContent("{ \"documentId\": ", System.Text.Encoding.UTF8, "application/json");
        (await Client.As(Anonymous).PostAsync("/api/v1/objections", notJson)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var chunked = new UnknownLengthContent(System.Text.Encoding.UTF8.GetBytes("{\"grounds\":\"" + new string('x', 300000) + "\"}"));
        var unknownLength = await Client.As(Anonymous).PostAsync("/api/v1/objections", chunked);
        unknownLength.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Client.GetOkAsync(Anonymous, "/health")).ValueKind.Should().NotBe(JsonValueKind.Undefined);
    }

    [Fact]
    public async Task AttachesWordPolicyInterpretation_GivenMultipartPublication()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "registered");
        var interpretation = TestDocx.FromParagraphs("关于《桐庐县人民政府关于进一步规范行政规范性文件管理的通知》的政策解读", "一、制定背景", "为落实国办发〔2018〕37号文件要求……", "二、主要内容");

        using var both = Form(("date", "2024-09-06"), ("channel", "桐庐县人民政府网站"), ("policyInterpretation", "文字解读"));
        both.Add(File(interpretation), "policyInterpretationFile", "解读.docx");
        (await Client.As(Legal).PostAsync($"/api/v1/documents/{id}/publication", both)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var pdf = Form(("date", "2024-09-06"), ("channel", "桐庐县人民政府网站"));
        pdf.Add(new ByteArrayContent("%PDF-1.7 x"u8.ToArray()), "policyInterpretationFile", "解读.pdf");
        (await Client.As(Legal).PostAsync($"/api/v1/documents/{id}/publication", pdf)).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);

        using var form = Form(("date", "2024-09-06"), ("channel", "桐庐县人民政府网站"));
        form.Add(File(interpretation), "policyInterpretationFile", "政策解读.docx");
        var published = await Client.As(Legal).PostAsync($"/api/v1/documents/{id}/publication", form);
        await Expect(published, HttpStatusCode.OK);

        var view = await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}/policy-interpretation");
        view.GetProperty("source").GetString().Should().Be("word");
        view.GetProperty("text").GetString().Should().StartWith("关于《桐庐县人民政府关于进一步规范行政规范性文件管理的通知》的政策解读")
            .And.Contain("一、制定背景").And.Contain("二、主要内容");
        view.GetProperty("fileName").GetString().Should().Be("政策解读.docx");
        var file = await Client.GetAsync(Anonymous, $"/api/v1/documents/{id}/policy-interpretation/file");
        (await file.Content.ReadAsByteArrayAsync()).Should().Equal(interpretation);
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}")).GetProperty("publication").GetProperty("policyInterpretation").GetString()
            .Should().Contain("制定背景");

        static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                content.Add(new StringContent(value), name);
            }

            return content;
        }

        static ByteArrayContent File(byte[] bytes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            return content;
        }
    }

    [Fact]
    public async Task NumbersEveryComment_GivenConcurrentSubmissions()
    {
        var (_, cid) = await OpenAsync();
        At(9, 10);

        var responses = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => CommentAsync(cid, new { text = $"并发意见第{i}条：建议修改。" })));

        responses.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.Created));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            numbers.Add((await Json(r)).GetProperty("number").GetInt32());
        }

        numbers.Order().Should().Equal(Enumerable.Range(1, 16));
        (await Client.GetOkAsync(Anonymous, $"/api/v1/consultations/{cid}")).GetProperty("comments").GetInt32().Should().Be(16);
    }
}

/// <summary>A body sent without Content-Length (chunked), so that only reading it can tell its size.</summary>
internal sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnknownLengthContent(byte[] bytes)
    {
        _bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

public sealed class SqliteParticipationScenarios(FilingApiFactory factory) : ParticipationScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresParticipationScenarios(PostgresApiFactory factory) : ParticipationScenarios(factory), IClassFixture<PostgresApiFactory>;
