using System.Net;
using System.Text.Json;
using Filing.Api.Infrastructure.Outbox;
using Filing.Api.Participation;
using Filing.Core.Webhooks;
using Filing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Participation;

/// <summary>
/// Public participation joined to the register's timeline, the change log and webhooks: comment periods, feedback
/// reports and every step of citizen objections appear on the document's public timeline and (where public) in
/// <c>/api/v1/changes</c>; objection notices and deadline reminders reach the handling office's webhooks, signed; the
/// submitter's contact details reach none of them. On SQLite and PostgreSQL.
/// </summary>
public abstract class ParticipationFeedsScenarios
{
    private const string Planted = "欧阳联系人";
    private const string PlantedPhone = "13700005678";
    private const string PlantedEmail = "hidden.person@example.org";
    private const string Grounds = "第三条第（二）项要求提交营业执照复印件，增加了企业负担。";

    protected ParticipationFeedsScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        At(9, 6);
        Client = new RegisterClient(factory);
        Receiver = ((IFeedsHost)factory).Receiver;
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    protected WebhookReceiver Receiver { get; }

    [Fact]
    public async Task TimelineAndChangesShowParticipation_GivenCommentPeriodFeedbackReportAndObjections()
    {
        var publicHook = await CreateWebhookAsync(Party, ["objection.answered", "objection.concluded", "consultation.opened", "consultation.feedback-published"]);
        var id = await Client.UploadAsync(ParticipationScenarios.MeasuresDraft());
        var d = $"/api/v1/documents/{id}";
        var cid = (await Client.PostOkAsync(Drafter, d + "/consultation", new { start = "2024-09-09", end = "2024-09-18" })).GetProperty("id").GetGuid();
        var c = $"/api/v1/consultations/{cid}";
        At(9, 10);
        await Expect(await Client.PostAsync(Anonymous, c + "/comments",
            new { text = "建议取消营业执照复印件。", name = Planted, contact = new { phone = PlantedPhone, email = PlantedEmail } }), HttpStatusCode.Created);
        await Expect(await Client.PostAsync(Anonymous, c + "/comments", new { text = "第四条期限偏短。" }), HttpStatusCode.Created);
        At(9, 19);
        await Client.PostOkAsync(Drafter, c + "/close");
        await Client.PostOkAsync(Drafter, c + "/answers", new { comments = new[] { 1 }, outcome = "adopted" });
        await Client.PostOkAsync(Drafter, c + "/answers", new { comments = new[] { 2 }, outcome = "not-adopted", reason = "五个工作日已属较短。" });
        await Client.PostOkAsync(Drafter, c + "/feedback-report", new { summary = "共收到意见2条，采纳1条。" });
        await PublishAsync(id, "2024-09-19");

        // Three objections: O1 accepted, reviewed, concluded and answered; O2 not accepted and answered; O3 transferred.
        At(9, 20);
        var o1 = await ObjectAsync(id, Grounds);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var o2 = await ObjectAsync(id, "与本文件无关的投诉。");
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var o3 = await ObjectAsync(id, "请县人大常委会审查本文件。");
        At(9, 23);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/triage", new { decision = "accepted", note = "内部备注：材料齐全" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o2}/triage", new { decision = "not-accepted", reasonKind = "outside-remit", reason = "属于信访事项" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o2}/reply", new { text = "您反映的事项请通过信访渠道提出。" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o3}/triage", new { decision = "transferred", transferTo = NpcOffice, reason = "属于人大备案审查范围" });
        At(9, 25);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/review", new { });
        At(10, 8);
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/conclusion", new { conclusion = "correction-requested", text = "建议删除复印件要求。" });
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{o1}/reply", new { text = "已建议制定机关修改第三条。" });

        var timeline = await Client.GetAsync(Anonymous, $"/api/v1/register/{id}/timeline");
        await Expect(timeline, HttpStatusCode.OK);
        var text = await timeline.Content.ReadAsStringAsync();
        var events = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.Should().ContainInOrder("public-comment", "comment-period-closed", "feedback-report-published", "publication", "policy-interpretation-published",
            "objection-received", "objection-received", "objection-received", "objection-accepted", "objection-not-accepted", "objection-answered",
            "objection-transferred", "objection-review-started", "objection-concluded", "objection-answered");
        kinds.Should().NotContain("comment-period-opened", "the opening is the register's own public-comment step");
        kinds.Count(k => k == "public-comment").Should().Be(1);
        events.Select(e => e.GetProperty("date").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var concluded = events.Single(e => e.GetProperty("kind").GetString() == "objection-concluded");
        concluded.GetProperty("date").GetString().Should().Be("2024-10-08");
        concluded.GetProperty("outcome").GetString().Should().Be("correction-requested");
        concluded.GetProperty("title").GetString().Should().Contain("第1件");
        events.Single(e => e.GetProperty("kind").GetString() == "objection-not-accepted").GetProperty("outcome").GetString().Should().Be("outside-remit");
        var transferred = events.Single(e => e.GetProperty("kind").GetString() == "objection-transferred");
        transferred.GetProperty("by").GetProperty("id").GetGuid().Should().Be(NpcOffice);
        transferred.GetProperty("title").GetString().Should().Contain("第3件");
        events.Where(e => e.GetProperty("kind").GetString() == "objection-answered").Select(e => e.GetProperty("outcome").GetString())
            .Should().Equal("not-accepted", "correction-requested");
        events.Single(e => e.GetProperty("kind").GetString() == "feedback-report-published").GetProperty("by").GetProperty("name").GetString()
            .Should().Be("桐庐县发展和改革局");
        var participation = await Client.GetOkAsync(Anonymous, d + "/participation");
        participation.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("kind").GetString()!.StartsWith("objection-", StringComparison.Ordinal))
            .Should().Be(events.Count(e => e.GetProperty("kind").GetString()!.StartsWith("objection-", StringComparison.Ordinal)), "both come from one query");

        var changes = await Client.GetAsync(Anonymous, $"/api/v1/changes?documentId={id}&limit=200");
        await Expect(changes, HttpStatusCode.OK);
        var changesText = await changes.Content.ReadAsStringAsync();
        var changeItems = JsonDocument.Parse(changesText).RootElement.GetProperty("items").EnumerateArray().ToList();
        changeItems.Select(e => e.GetProperty("type").GetString()).Should().Equal(
            "consultation.opened", "consultation.feedback-published", "document.published", "objection.answered", "objection.concluded", "objection.answered");
        var feedback = changeItems.Single(e => e.GetProperty("type").GetString() == "consultation.feedback-published").GetProperty("data");
        feedback.GetProperty("received").GetInt32().Should().Be(2);
        feedback.GetProperty("adopted").GetInt32().Should().Be(1);
        feedback.GetProperty("url").GetString().Should().Be(c + "/feedback-report");
        var answered = changeItems.Last().GetProperty("data");
        answered.GetProperty("objection").GetInt32().Should().Be(1);
        answered.GetProperty("outcome").GetString().Should().Be("correction-requested");
        answered.GetProperty("answeredWithinDeadline").GetBoolean().Should().BeTrue();
        (await Client.GetOkAsync(Anonymous, "/api/v1/changes?types=objection.answered&limit=200")).GetProperty("items").EnumerateArray()
            .Should().Contain(e => e.GetProperty("document").GetProperty("id").GetGuid() == id);

        await DispatchAllAsync();
        var delivered = Receiver.For(publicHook.Url);
        delivered.Select(r => r.Header("X-Filing-Event-Type")).Should().Contain(["consultation.opened", "consultation.feedback-published", "objection.concluded", "objection.answered"]);
        delivered.Should().AllSatisfy(r => WebhookSignature.Verify(publicHook.Secret, r.Body, r.Header("X-Filing-Signature")).Should().BeTrue());

        var publicTexts = new[] { text, changesText, await (await Client.GetAsync(Anonymous, d + "/participation")).Content.ReadAsStringAsync() }
            .Concat(delivered.Select(r => r.Text));
        foreach (var body in publicTexts)
        {
            foreach (var secret in new[] { Planted, PlantedPhone, PlantedEmail, Grounds, o1, o2, o3, "内部备注", "信访渠道", "已建议制定机关修改第三条", "建议删除复印件要求" })
            {
                body.Should().NotContain(secret, "timelines, the change log and public webhooks carry public facts only");
            }
        }
    }

    [Fact]
    public async Task HandlingOfficeWebhooksGetNoticesAndReminders_GivenObjectionsNearTheirDeadline()
    {
        var legalHook = await CreateWebhookAsync(Legal, ["objection.received", "objection.reminder", "objection.overdue"]);
        var npcHook = await CreateWebhookAsync(Npc, ["objection.transferred", "objection.received"]);
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var kept = await ObjectAsync(id, Grounds);                 // due 2024-11-05
        var moved = await ObjectAsync(id, "请县人大常委会审查。");
        await Client.PostOkAsync(Legal, $"/api/v1/objections/{moved}/triage", new { decision = "transferred", transferTo = NpcOffice, reason = "移送人大" });
        var reminders = Factory.Services.GetRequiredService<ObjectionReminders>();
        await reminders.RunOnceAsync(CancellationToken.None);
        await DispatchAllAsync();

        var received = Receiver.For(legalHook.Url);
        received.Select(r => r.Header("X-Filing-Event-Type")).Should().Equal("objection.received", "objection.received");
        received.Should().AllSatisfy(r => WebhookSignature.Verify(legalHook.Secret, r.Body, r.Header("X-Filing-Signature")).Should().BeTrue());
        var notice = JsonDocument.Parse(received[0].Body).RootElement;
        notice.GetProperty("type").GetString().Should().Be("objection.received");
        notice.GetProperty("data").GetProperty("trackingCode").GetString().Should().BeOneOf(kept, moved);
        notice.GetProperty("data").GetProperty("dueDate").GetString().Should().Be("2024-11-05");
        notice.GetProperty("data").GetProperty("caseUrl").GetString().Should().StartWith("/api/v1/objections/");
        var toNpc = Receiver.For(npcHook.Url);
        toNpc.Select(r => r.Header("X-Filing-Event-Type")).Should().Equal(["objection.transferred"], "the NPC hears of the transfer, not of objections to the legal office");
        JsonDocument.Parse(toNpc[0].Body).RootElement.GetProperty("data").GetProperty("trackingCode").GetString().Should().Be(moved);

        At(10, 29);
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        await DispatchAllAsync();
        var sevenDays = Receiver.For(legalHook.Url).Where(r => r.Header("X-Filing-Event-Type") == "objection.reminder").ToList();
        sevenDays.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("trackingCode").GetString())
            .Should().BeEquivalentTo([kept, moved], "one reminder per objection, however often the scan runs; the transferred one still needs the legal office's reply");
        JsonDocument.Parse(sevenDays[0].Body).RootElement.GetProperty("data").GetProperty("daysLeft").GetInt32().Should().Be(7);

        await Client.PostOkAsync(Legal, $"/api/v1/objections/{moved}/reply", new { text = "已移送县人大常委会。" });
        At(11, 6);
        await reminders.RunOnceAsync(CancellationToken.None);
        await DispatchAllAsync();
        var overdue = Receiver.For(legalHook.Url).Where(r => r.Header("X-Filing-Event-Type") == "objection.overdue").ToList();
        overdue.Should().ContainSingle("only the unanswered objection is overdue");
        var data = JsonDocument.Parse(overdue[0].Body).RootElement.GetProperty("data");
        data.GetProperty("trackingCode").GetString().Should().Be(kept);
        data.GetProperty("daysLeft").GetInt32().Should().Be(-1);
        WebhookSignature.Verify(legalHook.Secret, overdue[0].Body, overdue[0].Header("X-Filing-Signature")).Should().BeTrue();
        (await Client.GetOkAsync(Legal, "/api/v1/notifications?kind=objection-reminder&limit=200")).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("reference").GetString() == $"objection:{kept}").Should().Be(2, "the inbox keeps every reminder too (7 days before, overdue)");

        foreach (var delivery in Receiver.For(legalHook.Url).Concat(Receiver.For(npcHook.Url)))
        {
            foreach (var secret in new[] { Planted, PlantedPhone, PlantedEmail, Grounds })
            {
                delivery.Text.Should().NotContain(secret, "webhooks never carry the submitter's details or grounds");
            }
        }
    }

    private void At(int month, int day) => Factory.Clock.Set(new DateTimeOffset(2024, month, day, 2, 0, 0, TimeSpan.Zero));

    private async Task<string> ObjectAsync(Guid document, string grounds)
    {
        var response = await Client.PostAsync(Anonymous, "/api/v1/objections",
            new { documentId = document, grounds, contact = new { name = Planted, phone = PlantedPhone, email = PlantedEmail } });
        await Expect(response, HttpStatusCode.Created);
        return (await Json(response)).GetProperty("trackingCode").GetString()!;
    }

    private async Task PublishAsync(Guid id, string date)
    {
        var d = $"/api/v1/documents/{id}";
        await Client.PostOkAsync(Drafter, d + "/fair-competition-review", new { outcome = "passed" });
        await Client.PostOkAsync(Market, d + "/fair-competition-review", new { outcome = "passed" });
        await Client.PostOkAsync(Drafter, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Drafter, d + "/health-screening", new { outcome = "not-applicable" });
        await Client.PostOkAsync(Legal, d + "/legality-review", new { outcome = "passed" });
        await Client.PostOkAsync(Legal, d + "/collective-decision", new { meeting = "县政府常务会议", date });
        await Client.PostOkAsync(Legal, d + "/registration");
        await Client.PostOkAsync(Legal, d + "/publication", new { date, channel = "桐庐县人民政府网站", policyInterpretation = "政策解读：……" });
    }

    private async Task<(Guid Id, string Url, string Secret)> CreateWebhookAsync(string key, string[] types)
    {
        var url = $"https://receiver.example/{Guid.NewGuid():N}";
        var created = await Client.PostOkAsync(key, "/api/v1/webhooks", new { url, eventTypes = types });
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), url, created.GetProperty("secret").GetString()!);
    }

    private async Task DispatchAllAsync()
    {
        var dispatcher = Factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; round++)
        {
        }
    }
}

public sealed class SqliteParticipationFeedsScenarios(FeedsApiFactory factory) : ParticipationFeedsScenarios(factory), IClassFixture<FeedsApiFactory>;

public sealed class PostgresParticipationFeedsScenarios(PostgresFeedsApiFactory factory) : ParticipationFeedsScenarios(factory), IClassFixture<PostgresFeedsApiFactory>;
