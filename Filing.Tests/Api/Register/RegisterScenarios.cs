using System.Net;
using System.Text.Json;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Register;

/// <summary>
/// The register's scenarios over HTTP. Each runs on SQLite and on PostgreSQL (see the two derived classes), so both
/// providers are held to the same behaviour.
/// </summary>
public abstract class RegisterScenarios
{
    protected RegisterScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    [Fact]
    public async Task TakesSeedDocumentToPublication_GivenDemoKeys()
    {
        var upload = await Client.UploadResponseAsync(Drafter, TestDocx.Seed(), "桐政发〔2018〕47号.docx");
        await Expect(upload, HttpStatusCode.Created);
        var created = await Json(upload);
        var id = created.GetProperty("id").GetGuid();
        upload.Headers.Location!.ToString().Should().Be($"/api/v1/documents/{id}");
        created.GetProperty("title").GetString().Should().Be("桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见(2018-2020年)》的通知");
        created.GetProperty("documentNumber").GetString().Should().Be("桐政发〔2018〕47号");
        created.GetProperty("status").GetString().Should().Be("draft");
        created.GetProperty("issuingAuthority").GetProperty("name").GetString().Should().Be("桐庐县人民政府");
        created.GetProperty("draftingDepartment").GetProperty("name").GetString().Should().Be("桐庐县发展和改革局");
        created.GetProperty("missing")[0].GetProperty("code").GetString().Should().Be("public-comment");

        await Client.TakeToAsync(id, "decided");
        var registration = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration");
        var number = registration.GetProperty("unifiedNumber").GetString()!;
        number.Should().MatchRegex(@"^ATLD00-2024-\d{4}$");

        var published = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication",
            new { date = "2024-09-06", channel = "桐庐县人民政府网站", policyInterpretation = "《实施意见》政策解读" });
        published.GetProperty("document").GetProperty("status").GetString().Should().Be("in-force");
        published.GetProperty("document").GetProperty("unifiedNumber").GetString().Should().Be(number);
        published.GetProperty("filings").GetArrayLength().Should().Be(3);

        var inbox = await Client.GetOkAsync(Npc, $"/api/v1/filings?documentId={id}");
        inbox.GetProperty("total").GetInt32().Should().Be(1);
        inbox.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        var filing = inbox.GetProperty("items")[0];
        filing.GetProperty("documentId").GetGuid().Should().Be(id);
        filing.GetProperty("recipient").GetProperty("name").GetString().Should().Be("桐庐县人大常委会法制工作委员会");
        filing.GetProperty("status").GetString().Should().Be("submitted");
        filing.GetProperty("dueDate").GetString().Should().Be("2024-10-08", "30 days after 09-06 is 10-06, inside the 国庆 block; the next working day is 10-08");
        filing.GetProperty("overdue").GetBoolean().Should().BeFalse();
        filing.GetProperty("dueDateEstimated").GetBoolean().Should().BeFalse();

        var audit = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}/audit/verify");
        audit.GetProperty("valid").GetBoolean().Should().BeTrue();
        audit.GetProperty("entries").GetInt32().Should().Be(13, "upload, 7 review and decision steps (incl. the joint review), registration, publication and 3 filings");

        var history = await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}/audit?limit=200");
        history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Should().StartWith(
            ["document.uploaded", "step.public-comment", "step.fair-competition-self-review", "step.fair-competition-joint-review",
             "step.gender-equality-assessment", "step.health-screening", "step.legality-review", "step.collective-decision",
             "step.registration", "step.publication"]);

        var anonymous = await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}");
        anonymous.GetProperty("status").GetString().Should().Be("in-force");
        anonymous.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString())
            .Should().Equal("collective-decision", "registration", "publication");
        anonymous.GetProperty("filings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Refuses409NamingLegalityReview_GivenDecisionWithoutIt()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "in-review");
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/fair-competition-review", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/health-screening", new { outcome = "not-applicable" });

        var decision = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/collective-decision", new { meeting = "县政府常务会议", date = "2024-09-06" });
        var registration = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/registration");

        decision.StatusCode.Should().Be(HttpStatusCode.Conflict);
        decision.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Json(decision);
        problem.GetProperty("code").GetString().Should().Be("lifecycle-violation");
        problem.GetProperty("step").GetString().Should().Be("collective-decision");
        problem.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().Equal("legality-review");
        problem.GetProperty("detail").GetString().Should().Contain("合法性审核");
        registration.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(registration)).GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString())
            .Should().Equal("legality-review", "collective-decision");
    }

    [Fact]
    public async Task BlocksLegalityReview_GivenUnansweredErrorFinding()
    {
        var id = await Client.UploadAsync(TestDocx.Draft("桐庐县人民政府关于加强市场管理的通知", "一、违反本通知的，处以五千元罚款。", "二、优先采购本地企业产品。"));
        var detail = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}");
        var findings = detail.GetProperty("versions")[0].GetProperty("findings");
        findings.GetArrayLength().Should().Be(2);
        detail.GetProperty("versions")[0].GetProperty("review").GetProperty("unansweredErrors").GetInt32().Should().Be(1);
        var error = findings.EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "error").GetProperty("id").GetGuid();

        await Client.TakeToAsync(id, "in-review");
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/fair-competition-review", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/health-screening", new { outcome = "not-applicable" });
        var blocked = await Client.PostAsync(Legal, $"/api/v1/documents/{id}/legality-review", new { outcome = "passed" });
        blocked.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(blocked)).GetProperty("missing")[0].GetProperty("code").GetString().Should().Be("unanswered-error-findings");

        var badAnswer = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/findings/{error}/answer", new { answer = "explained" });
        badAnswer.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(badAnswer)).GetProperty("code").GetString().Should().Be("explanation-missing");
        (await Client.PostAsync(Drafter2, $"/api/v1/documents/{id}/findings/{error}/answer", new { answer = "fixed" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/findings/{Guid.NewGuid()}/answer", new { answer = "fixed" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var answered = await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/findings/{error}/answer", new { answer = "explained", note = "依据《某某条例》第十条授权，已说明" });
        answered.GetProperty("answer").GetString().Should().Be("explained");
        var passed = await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/legality-review", new { outcome = "passed", opinion = "同意" });
        passed.GetProperty("status").GetString().Should().Be("approved");
    }

    [Fact]
    public async Task ShowsLegalityReviewDeadline_GivenReviewsComplete()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "in-review");
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/fair-competition-review", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/gender-equality-assessment", new { outcome = "not-applicable" });
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}")).GetProperty("legalityReview").ValueKind.Should().Be(JsonValueKind.Null);

        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/health-screening", new { outcome = "not-applicable" });
        var due = (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}")).GetProperty("legalityReview");

        due.GetProperty("requestedOn").GetString().Should().Be("2024-09-06");
        due.GetProperty("dueDate").GetString().Should().Be("2024-09-29", "15 working days, counting the make-up days 09-14 and 09-29");
        due.GetProperty("overdue").GetBoolean().Should().BeFalse();
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 30, 2, 0, 0, TimeSpan.Zero));
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{id}")).GetProperty("legalityReview").GetProperty("overdue").GetBoolean().Should().BeTrue();
        (await Client.GetOkAsync(Anonymous, "/api/v1/organisations")).GetProperty("total").GetInt32().Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task KeepsVersionsAndReopensReview_GivenRevisedDraft()
    {
        var original = TestDocx.Draft();
        var id = await Client.UploadAsync(original);
        await Client.TakeToAsync(id, "approved");

        var response = await Client.UploadResponseAsync(Drafter, TestDocx.Draft("桐庐县人民政府关于进一步规范行政规范性文件管理的通知（修改稿）"),
            path: $"/api/v1/documents/{id}/versions");
        await Expect(response, HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/v1/documents/{id}/versions/2");
        var detail = await Json(response);
        detail.GetProperty("status").GetString().Should().Be("in-review");
        detail.GetProperty("versions").GetArrayLength().Should().Be(2);
        detail.GetProperty("title").GetString().Should().EndWith("（修改稿）");
        detail.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().Equal("legality-review");

        var version = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}/versions/1");
        version.GetProperty("version").GetProperty("number").GetInt32().Should().Be(1);
        version.GetProperty("parsed").GetProperty("title").GetString().Should().Be("桐庐县人民政府关于进一步规范行政规范性文件管理的通知");
        var file = await Client.GetAsync(Drafter, $"/api/v1/documents/{id}/versions/1/file");
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).Should().Equal(original);
    }

    [Fact]
    public async Task RefusesUpload_GivenMissingFileUnreadableFileOrWrongRole()
    {
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "title" } };
        var noFile = await Client.As(Drafter).PostAsync("/api/v1/documents", empty);
        noFile.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(noFile)).GetProperty("code").GetString().Should().Be("missing-file");

        var pdf = await Client.UploadResponseAsync(Drafter, "%PDF-1.7 not a docx"u8.ToArray(), "x.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await Json(pdf)).GetProperty("code").GetString().Should().Be("unsupported-media-type");

        var noTitle = await Client.UploadResponseAsync(Drafter, TestDocx.FromParagraphs("没有标题的正文"));
        noTitle.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(noTitle)).GetProperty("code").GetString().Should().Be("title-missing");
        var withTitle = await Client.UploadResponseAsync(Drafter, TestDocx.FromParagraphs("没有标题的正文"), fields: new Dictionary<string, string> { ["title"] = "补充的标题", ["businessRelated"] = "true" });
        await Expect(withTitle, HttpStatusCode.Created);
        (await Json(withTitle)).GetProperty("businessRelated").GetBoolean().Should().BeTrue();

        (await Client.UploadResponseAsync(Legal, TestDocx.Draft())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.UploadResponseAsync(Anonymous, TestDocx.Draft())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Client.UploadResponseAsync("not-a-key", TestDocx.Draft())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("桐政发[2026]3号", "桐政发〔2026〕3号")]
    [InlineData(" 桐政发（2026）第003号 ", "桐政发〔2026〕3号")]
    [InlineData("桐 政 发［２０２６］３号", "桐政发〔2026〕3号")]
    [InlineData("待定", "待定")]
    public async Task StoresDocumentNumberInCanonicalForm_GivenUploadOverride(string typed, string stored)
    {
        var id = await Client.UploadAsync(TestDocx.Draft(), new Dictionary<string, string> { ["documentNumber"] = typed });

        var document = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}");
        document.GetProperty("documentNumber").GetString().Should().Be(stored, "a number is stored as registration stores it; other text is kept as a provisional number");
    }

    [Fact]
    public async Task ReturnsSameDocument_GivenRetriedUploadWithIdempotencyKey()
    {
        var key = Guid.NewGuid().ToString();
        var first = await Client.UploadResponseAsync(Drafter, TestDocx.Draft(), idempotencyKey: key);
        var retry = await Client.UploadResponseAsync(Drafter, TestDocx.Draft(), idempotencyKey: key);

        await Expect(first, HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotency-Replayed").Should().Equal("true");
        retry.Headers.Location.Should().Be(first.Headers.Location);
        var id = (await Json(first)).GetProperty("id").GetGuid();
        (await Json(retry)).GetProperty("id").GetGuid().Should().Be(id);
        var audit = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}/audit");
        audit.GetProperty("total").GetInt32().Should().Be(1, "the retry created nothing");

        var otherRequest = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { waiverReason = "x" }, idempotencyKey: key);
        otherRequest.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(otherRequest)).GetProperty("code").GetString().Should().Be("idempotency-key-reused");

        var stepKey = Guid.NewGuid().ToString();
        var waived = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { waiverReason = "内部事项" }, stepKey);
        var again = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { waiverReason = "内部事项" }, stepKey);
        var withoutKey = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { waiverReason = "内部事项" });
        waived.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the first answer is replayed");
        withoutKey.StatusCode.Should().Be(HttpStatusCode.Conflict, "without the key it is a second, refused step");

        var sameKeyOtherCaller = await Client.UploadResponseAsync(Drafter2, TestDocx.Draft(), idempotencyKey: key);
        sameKeyOtherCaller.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Json(sameKeyOtherCaller)).GetProperty("id").GetGuid().Should().NotBe(id, "keys are scoped to the caller");
    }

    [Fact]
    public async Task ValidatesBodies_GivenMissingFields()
    {
        var id = await Client.UploadAsync();

        var both = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { waiverReason = "x", start = "2024-09-09", end = "2024-09-30" });
        var neither = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { });
        var noOutcome = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/fair-competition-review", new { opinion = "x" });
        var badOutcome = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/fair-competition-review", new { outcome = "maybe" });
        var badList = await Client.GetAsync(Drafter, "/api/v1/documents?status=alive&limit=500&cursor=zzz");

        both.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        neither.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noOutcome.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(noOutcome)).GetProperty("code").GetString().Should().Be("validation-failed");
        badOutcome.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(badOutcome)).GetProperty("code").GetString().Should().Be("bad-request");
        badList.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Json(badList)).GetProperty("errors");
        errors.GetProperty("status")[0].GetString().Should().Contain("in-force");
        errors.GetProperty("limit")[0].GetString().Should().Contain("200");
        errors.TryGetProperty("cursor", out _).Should().BeTrue();
    }

    [Fact]
    public async Task OpensCommentPeriod_GivenLongEnoughPeriodAndRefusesShortOne()
    {
        var id = await Client.UploadAsync();

        var tooShort = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { start = "2024-09-30", end = "2024-10-08" });
        tooShort.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(tooShort);
        problem.GetProperty("code").GetString().Should().Be("comment-period-too-short");
        problem.GetProperty("detail").GetString().Should().Contain("2024-10-14");

        var opened = await Client.PostAsync(Drafter, $"/api/v1/documents/{id}/consultation", new { start = "2024-09-30", end = "2024-10-14" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await Json(opened);
        body.GetProperty("earliestAllowedEnd").GetString().Should().Be("2024-10-14");
        body.GetProperty("waived").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task RecordsFilingReviewToCorrection_GivenOversightOpinion()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var filings = await Client.GetOkAsync(Npc, $"/api/v1/filings?documentId={id}");
        var filing = filings.GetProperty("items")[0].GetProperty("id").GetGuid();
        var f = $"/api/v1/filings/{filing}";

        (await Client.PostAsync(Party, f + "/receipt")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the party office cannot see the NPC's filing");
        (await Client.PostAsync(Drafter, f + "/receipt")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the sender cannot receive its own filing");
        (await Client.PostAsync(Drafter2, f + "/receipt")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var returned = await Client.PostOkAsync(Npc, f + "/return", new { reason = "缺少起草说明" });
        returned.GetProperty("status").GetString().Should().Be("returned");
        (await Client.PostAsync(Npc, f + "/receipt")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        Factory.Clock.Set(new DateTimeOffset(2024, 10, 9, 2, 0, 0, TimeSpan.Zero));
        var overdue = await Client.GetOkAsync(Npc, $"/api/v1/filings?overdue=true&documentId={id}");
        overdue.GetProperty("total").GetInt32().Should().Be(1);
        overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean().Should().BeTrue();
        (await Client.GetOkAsync(Npc, $"/api/v1/filings?overdue=false&documentId={id}")).GetProperty("total").GetInt32().Should().Be(0);

        var resubmitted = await Client.PostOkAsync(Drafter, f + "/resubmission", new { note = "已补充起草说明" });
        resubmitted.GetProperty("status").GetString().Should().Be("submitted");
        resubmitted.GetProperty("submittedLate").GetBoolean().Should().BeTrue();
        resubmitted.GetProperty("submissions").GetInt32().Should().Be(2);
        await Client.PostOkAsync(Npc, f + "/receipt");
        var opinion = await Client.PostOkAsync(Npc, f + "/opinion", new { opinion = "correction-required", text = "第二条与上位法不一致" });
        opinion.GetProperty("status").GetString().Should().Be("correction-required");
        opinion.GetProperty("correctionDueDate").GetString().Should().Be("2024-12-09", "two months from 10-09 is 12-09, a Monday");
        (await Client.PostAsync(Npc, f + "/correction", new { note = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var corrected = await Client.PostOkAsync(Legal, f + "/correction", new { note = "已发文修改第二条" });
        corrected.GetProperty("status").GetString().Should().Be("corrected");

        (await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task RevokesDocument_GivenRevocationOpinion()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var filing = (await Client.GetOkAsync(Party, $"/api/v1/filings?documentId={id}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        await Client.PostOkAsync(Party, $"/api/v1/filings/{filing}/receipt");
        var revoked = await Client.PostOkAsync(Party, $"/api/v1/filings/{filing}/opinion", new { opinion = "revocation", text = "超越职权" });

        revoked.GetProperty("status").GetString().Should().Be("revoked");
        var document = await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}");
        document.GetProperty("status").GetString().Should().Be("revoked");
        document.GetProperty("termination").GetProperty("kind").GetString().Should().Be("revoked");
    }

    [Fact]
    public async Task RepealsAndExpires_GivenDatesOnRead()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "registered");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication", new { date = "2024-09-06", channel = "政府公报", validUntil = "2024-12-31" });

        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}")).GetProperty("status").GetString().Should().Be("in-force");
        Factory.Clock.Set(new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero));
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}")).GetProperty("status").GetString().Should().Be("expired");
        var expired = await Client.GetOkAsync(Anonymous, "/api/v1/documents?status=expired&limit=200");
        expired.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(id);

        var other = await Client.UploadAsync();
        await Client.TakeToAsync(other, "published", "2025-01-01");
        var repeal = await Client.PostOkAsync(Drafter, $"/api/v1/documents/{other}/repeal", new { date = "2025-02-01", kind = "declared-invalid", reason = "上位法修改" });
        repeal.GetProperty("status").GetString().Should().Be("in-force", "it ends on 2025-02-01");
        Factory.Clock.Set(new DateTimeOffset(2025, 2, 1, 2, 0, 0, TimeSpan.Zero));
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{other}")).GetProperty("status").GetString().Should().Be("declared-invalid");
        (await Client.PostAsync(Drafter, $"/api/v1/documents/{other}/repeal", new { date = "2025-02-01" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RunsCleanup_GivenDecisionsAndPublication()
    {
        var keep = await Client.UploadAsync();
        var drop = await Client.UploadAsync();
        var amend = await Client.UploadAsync();
        foreach (var id in new[] { keep, drop, amend })
        {
            await Client.TakeToAsync(id, "published");
        }

        (await Client.PostAsync(Drafter, "/api/v1/cleanups", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var opened = await Client.PostAsync(Legal, "/api/v1/cleanups", new { title = "2024年度行政规范性文件清理" });
        await Expect(opened, HttpStatusCode.Created);
        var campaign = await Json(opened);
        var cid = campaign.GetProperty("id").GetGuid();
        var listed = campaign.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentId").GetGuid()).ToList();
        listed.Should().Contain([keep, drop, amend]);
        (await Client.PostAsync(Legal, "/api/v1/cleanups", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "one open cleanup at a time");
        (await Client.GetAsync(Anonymous, $"/api/v1/cleanups/{cid}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "open campaigns are internal");

        var decisions = listed.Select(d => new
        {
            documentId = d,
            decision = d == drop ? "repeal" : d == amend ? "amend" : "continue",
            reason = d == drop ? "已被新规定替代" : d == amend ? "需与新法衔接" : null,
        }).ToList();
        var early = await Client.PostAsync(Legal, $"/api/v1/cleanups/{cid}/publication", new { date = "2024-09-06" });
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var decided = await Client.PostOkAsync(Legal, $"/api/v1/cleanups/{cid}/decisions", new { decisions });
        decided.GetProperty("undecided").GetInt32().Should().Be(0);
        var published = await Client.PostOkAsync(Legal, $"/api/v1/cleanups/{cid}/publication", new { date = "2024-09-06" });

        published.GetProperty("status").GetString().Should().Be("published");
        published.GetProperty("nextCleanupDueOn").GetString().Should().Be("2026-09-06");
        published.GetProperty("lists").GetProperty("repeal").EnumerateArray().Select(x => x.GetGuid()).Should().Equal(drop);
        published.GetProperty("lists").GetProperty("amend").EnumerateArray().Select(x => x.GetGuid()).Should().Equal(amend);
        published.GetProperty("lists").GetProperty("continue").EnumerateArray().Select(x => x.GetGuid()).Should().Contain(keep);
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{drop}")).GetProperty("status").GetString().Should().Be("repealed");
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{amend}")).GetProperty("amendmentPlanned").GetBoolean().Should().BeTrue();
        (await Client.GetOkAsync(Anonymous, $"/api/v1/cleanups/{cid}")).GetProperty("status").GetString().Should().Be("published");
        (await Client.GetOkAsync(Anonymous, "/api/v1/cleanups")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).Should().Contain(cid);
        (await Client.GetOkAsync(Legal, $"/api/v1/documents/{drop}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task PagesWithCursor_GivenMoreDocumentsThanLimit()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.UploadAsync(key: Drafter2));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        int? total = null;
        do
        {
            var page = await Client.GetOkAsync(Drafter2, $"/api/v1/documents?status=draft&draftingDepartmentId=0192a000-0000-7000-8000-000000000003&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            total ??= page.GetProperty("total").GetInt32();
            page.GetProperty("total").GetInt32().Should().Be(total, "the total does not shrink while paging");
            page.GetProperty("items").GetArrayLength().Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Should().OnlyHaveUniqueItems().And.HaveCount(total!.Value).And.Contain(ids);
        seen.Select(g => g.ToString("N")).Should().BeInDescendingOrder(StringComparer.Ordinal, "newest first");
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("in-review")]
    [InlineData("published")]
    public async Task ShowsDocumentOnlyToThoseAllowed_GivenEachKeyAndStage(string stage)
    {
        var id = await Client.UploadAsync();
        if (stage != "draft")
        {
            await Client.TakeToAsync(id, stage);
        }

        var published = stage == "published";
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [Drafter] = HttpStatusCode.OK,
            [Drafter2] = published ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            [Legal] = stage == "draft" ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            [Market] = stage == "draft" ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            [Npc] = published ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            [Party] = published ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            [Admin] = HttpStatusCode.OK,
            [Anonymous] = published ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            ["wrong-key"] = HttpStatusCode.Unauthorized,
        };

        foreach (var (key, status) in expected)
        {
            var response = await Client.GetAsync(key, $"/api/v1/documents/{id}");
            response.StatusCode.Should().Be(status, $"GET as '{key}' at stage {stage}");
            if (status == HttpStatusCode.NotFound)
            {
                var body = await response.Content.ReadAsStringAsync();
                body.Should().Contain("\"code\":\"not-found\"").And.NotContain("title\":\"桐庐", "a 404 reveals nothing of the draft");
            }

            var listed = key == "wrong-key" ? [] : (await Client.GetOkAsync(key, "/api/v1/documents?limit=200")).GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            if (key != "wrong-key" && listed.Count < 200)
            {
                listed.Contains(id).Should().Be(status == HttpStatusCode.OK, $"list as '{key}' at stage {stage}");
            }
        }

        var audit = new Dictionary<string, HttpStatusCode>
        {
            [Anonymous] = HttpStatusCode.Unauthorized,
            [Drafter] = HttpStatusCode.OK,
            [Drafter2] = published ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound,
            [Npc] = published ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            [Legal] = stage == "draft" ? HttpStatusCode.NotFound : HttpStatusCode.OK,
        };
        foreach (var (key, status) in audit)
        {
            (await Client.GetAsync(key, $"/api/v1/documents/{id}/audit/verify")).StatusCode.Should().Be(status, $"audit as '{key}' at stage {stage}");
        }
    }

    [Fact]
    public async Task RefusesStepsToWrongOrganisations_GivenKeysWithoutThatRole()
    {
        var id = await Client.UploadAsync();
        var d = $"/api/v1/documents/{id}";

        (await Client.PostAsync(Drafter2, d + "/consultation", new { waiverReason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.PostAsync(Legal, d + "/consultation", new { waiverReason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound, "the legal office does not see drafts before public comment");
        (await Client.PostAsync(Anonymous, d + "/consultation", new { waiverReason = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Client.PostOkAsync(Drafter, d + "/consultation", new { waiverReason = "内部事项" });

        (await Client.PostAsync(Legal, d + "/fair-competition-review", new { outcome = "passed" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.PostAsync(Npc, d + "/legality-review", new { outcome = "passed" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.PostAsync(Drafter, d + "/legality-review", new { outcome = "passed" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.PostAsync(Market, d + "/gender-equality-assessment", new { outcome = "passed" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.PostAsync(Drafter, d + "/registration")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Client.PostAsync(Admin, d + "/registration")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators manage keys, not documents");
        (await Client.GetAsync(Anonymous, "/api/v1/filings")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DetectsTampering_GivenEditedOrDeletedAuditRows()
    {
        var edited = await Client.UploadAsync();
        var deleted = await Client.UploadAsync();
        var truncated = await Client.UploadAsync();
        foreach (var id in new[] { edited, deleted, truncated })
        {
            await Client.TakeToAsync(id, "approved");
            (await Client.GetOkAsync(Drafter, $"/api/v1/documents/{id}/audit/verify")).GetProperty("valid").GetBoolean().Should().BeTrue();
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Filing.Api.Infrastructure.Data.FilingDbContext>();
            var s1 = $"document:{edited:D}";
            var s2 = $"document:{deleted:D}";
            var s3 = $"document:{truncated:D}";
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "NewValue" = '{"{"}"stage":"approved","forged":true{"}"}' WHERE "Stream" = {s1} AND "Sequence" = 3""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Stream" = {s2} AND "Sequence" = 4""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Stream" = {s3} AND "Sequence" = (SELECT MAX("Sequence") FROM "AuditEntries" WHERE "Stream" = {s3})""");
        }

        var a = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{edited}/audit/verify");
        a.GetProperty("valid").GetBoolean().Should().BeFalse();
        a.GetProperty("firstInvalidSequence").GetInt32().Should().Be(3);
        a.GetProperty("problem").GetString().Should().Contain("altered");

        var b = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{deleted}/audit/verify");
        b.GetProperty("valid").GetBoolean().Should().BeFalse();
        b.GetProperty("firstInvalidSequence").GetInt32().Should().Be(4);

        var c = await Client.GetOkAsync(Drafter, $"/api/v1/documents/{truncated}/audit/verify");
        c.GetProperty("valid").GetBoolean().Should().BeFalse("the stream head still names the deleted last entry");
        c.GetProperty("entries").GetInt32().Should().Be(6);
    }
}

public sealed class SqliteRegisterScenarios(FilingApiFactory factory) : RegisterScenarios(factory), IClassFixture<FilingApiFactory>;

public sealed class PostgresRegisterScenarios(PostgresApiFactory factory) : RegisterScenarios(factory), IClassFixture<PostgresApiFactory>;
