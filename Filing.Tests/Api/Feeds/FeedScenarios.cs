using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Outbox;
using Filing.Core.Webhooks;
using Filing.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Feeds;

/// <summary>The Atom feed, the change log and webhooks over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class FeedScenarios
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    protected FeedScenarios(FilingApiFactory factory)
    {
        Factory = factory;
        Factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        Client = new RegisterClient(factory);
        Receiver = ((IFeedsHost)factory).Receiver;
    }

    protected FilingApiFactory Factory { get; }

    protected RegisterClient Client { get; }

    protected WebhookReceiver Receiver { get; }

    [Fact]
    public async Task Feed_IsValidAtom_GivenPublishedRepealedAndExpiredDocuments()
    {
        var published = await PublishAsync();
        var repealed = await PublishAsync();
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{repealed}/repeal", new { date = "2024-09-06", reason = "已被新规定替代" });
        var expiring = await Client.UploadAsync();
        await Client.TakeToAsync(expiring, "registered");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{expiring}/publication", new { date = "2024-09-06", channel = "政府公报", validUntil = "2024-09-30" });
        Factory.Clock.Set(new DateTimeOffset(2024, 10, 1, 2, 0, 0, TimeSpan.Zero));

        var response = await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom?limit=200");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var feed = XDocument.Load(new MemoryStream(bytes)); // well-formed, or this throws
        var root = feed.Root!;
        root.Name.Should().Be(Atom + "feed");
        RequiredOnce(root, "id").Value.Should().StartWith("tag:localhost,2024:filing/register");
        RequiredOnce(root, "title").Value.Should().NotBeNullOrWhiteSpace();
        DateTimeOffset.TryParse(RequiredOnce(root, "updated").Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            .Should().BeTrue("atom:updated is an RFC 3339 date");
        root.Elements(Atom + "author").Should().NotBeEmpty("a feed-level author covers entries (RFC 4287 4.1.1)");
        root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value.Should().Contain("/api/v1/feeds/register.atom");

        var entries = root.Elements(Atom + "entry").ToList();
        entries.Should().NotBeEmpty();
        foreach (var entry in entries)
        {
            RequiredOnce(entry, "id").Value.Should().MatchRegex("^urn:uuid:[0-9a-f-]{36}$");
            RequiredOnce(entry, "title").Value.Should().NotBeNullOrWhiteSpace();
            RequiredOnce(entry, "updated");
            entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "alternate").Should().HaveCount(1, "RFC 4287 4.1.2: at most one alternate per type, and a summary needs no content");
        }

        var ours = entries.Where(e => e.Elements(Atom + "link").Any(l => ((string?)l.Attribute("href"))!.Contains(expiring.ToString()))).ToList();
        ours.Select(e => e.Element(Atom + "category")!.Attribute("term")!.Value).Should().Equal("document.expired", "document.published");
        ours[0].Element(Atom + "title")!.Value.Should().StartWith("有效期届满：");
        ours[0].Element(Atom + "summary")!.Value.Should().Contain("有效期至2024-09-30届满，自2024-10-01起失效");
        ours[0].Element(Atom + "link")!.Attribute("href")!.Value.Should().Be($"http://localhost/api/v1/register/{expiring}");
        var terms = entries.Select(e => e.Element(Atom + "category")!.Attribute("term")!.Value).ToList();
        terms.Should().Contain(["document.published", "document.repealed", "document.expired"]);
        terms.Should().OnlyContain(t => t.StartsWith("document.", StringComparison.Ordinal) && t != "document.amendment-planned");

        // An independent parser reads it too.
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var syndication = SyndicationFeed.Load(reader);
        syndication.Items.Should().HaveCount(entries.Count);
        syndication.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
        var sequence = (await DrainChangesAsync(null)).ToDictionary(e => "urn:uuid:" + e.GetProperty("id").GetString(), e => e.GetProperty("sequence").GetInt64());
        syndication.Items.Select(i => sequence[i.Id]).Should().BeInDescendingOrder("newest first (in commit order)");
        syndication.Items.Should().Contain(i => i.Title.Text.Contains(published.ToString()) || i.Links.Any(l => l.Uri.ToString().EndsWith(published.ToString(), StringComparison.Ordinal)));

        var again = XDocument.Load(await (await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom?limit=200")).Content.ReadAsStreamAsync());
        again.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value)
            .Should().Equal(entries.Select(e => e.Element(Atom + "id")!.Value), "entry ids are stable and the expiry is recorded once");
    }

    [Fact]
    public async Task Feed_PagesWithNextLinksAndAnswers304_GivenEtag()
    {
        for (var i = 0; i < 3; i++)
        {
            await PublishAsync();
        }

        var first = await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom?limit=2");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = XDocument.Load(await first.Content.ReadAsStreamAsync()).Root!;
        page.Elements(Atom + "entry").Should().HaveCount(2);
        var next = page.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "next").Attribute("href")!.Value;
        next.Should().Contain("limit=2").And.Contain("cursor=");

        var second = XDocument.Load(await (await Client.GetAsync(Anonymous, new Uri(next).PathAndQuery)).Content.ReadAsStreamAsync()).Root!;
        var firstIds = page.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        second.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Should().NotIntersectWith(firstIds);
        second.Element(Atom + "id")!.Value.Should().Be(page.Element(Atom + "id")!.Value);

        var etag = first.Headers.ETag!.Tag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/feeds/register.atom?limit=2");
        conditional.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        (await Client.As(Anonymous).SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        await PublishAsync();
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/feeds/register.atom?limit=2");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        (await Client.As(Anonymous).SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK, "a new publication changes the feed");

        var bad = await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom?cursor=nonsense&limit=999");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Json(bad)).GetProperty("errors");
        errors.GetProperty("limit")[0].GetString().Should().Contain("200");
        errors.TryGetProperty("cursor", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ChangeLog_ListsEveryPublicEventInCommitOrder_GivenCursorSync()
    {
        var resume = await LastCursorAsync(null); // past everything before this test

        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        var npc = await FilingOfAsync(id, Npc);
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{npc}/receipt");
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{npc}/opinion", new { opinion = "correction-required", text = "第二条与上位法不一致（内部意见）" });
        await Client.PostOkAsync(Legal, $"/api/v1/filings/{npc}/correction", new { note = "已发文修改第二条（内部说明）" });
        await Client.PostOkAsync(Drafter, $"/api/v1/documents/{id}/repeal", new { date = "2024-12-31", kind = "declared-invalid", reason = "上位法修改" });

        var events = await DrainChangesAsync(resume, limit: 2);
        var ours = events.Where(e => e.TryGetProperty("document", out var d) && d.ValueKind == JsonValueKind.Object && d.GetProperty("id").GetGuid() == id).ToList();
        ours.Select(e => e.GetProperty("type").GetString()).Should().Equal(
            "document.published", "filing.received", "filing.reviewed", "filing.corrected", "document.declared-invalid");
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        sequences.Zip(sequences.Skip(1), (a, b) => b - a).Should().OnlyContain(d => d == 1, "sequences are gap-free in commit order");

        var published = ours[0];
        published.GetProperty("effectiveOn").GetString().Should().Be("2024-09-06");
        published.GetProperty("document").GetProperty("href").GetString().Should().Be($"/api/v1/register/{id}");
        published.GetProperty("issuingAuthority").GetProperty("name").GetString().Should().Be("桐庐县人民政府");
        published.GetProperty("data").GetProperty("channel").GetString().Should().Be("桐庐县人民政府网站");
        ours[2].GetProperty("data").GetProperty("outcome").GetString().Should().Be("correction-required");
        ours[2].GetProperty("data").GetProperty("recipient").GetProperty("name").GetString().Should().Be("桐庐县人大常委会法制工作委员会");
        ours[4].GetProperty("effectiveOn").GetString().Should().Be("2024-12-31", "a repeal recorded today may apply later");
        string.Join("\n", ours.Select(e => e.GetRawText())).Should().NotContain("内部");

        var filtered = await Client.GetOkAsync(Anonymous, $"/api/v1/changes?since={resume}&types=document.published,document.declared-invalid&documentId={id}");
        filtered.GetProperty("total").GetInt32().Should().Be(2);
        filtered.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        var after = await Client.GetOkAsync(Anonymous, $"/api/v1/changes?since={filtered.GetProperty("resumeCursor").GetString()}&documentId={id}");
        after.GetProperty("items").GetArrayLength().Should().Be(0, "the resume cursor moves past the events the filter hid");

        var bad = await Client.GetAsync(Anonymous, "/api/v1/changes?since=xyz&types=document.nonsense");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Json(bad)).GetProperty("errors");
        errors.GetProperty("types")[0].GetString().Should().Contain("document.nonsense").And.Contain("document.published");
        errors.TryGetProperty("since", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ChangeLog_RecordsExpiryOnceFromTheDayAfterValidity_GivenTimePassing()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "registered");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication", new { date = "2024-09-06", channel = "政府公报", validUntil = "2024-11-30" });
        var repealedFirst = await Client.UploadAsync();
        await Client.TakeToAsync(repealedFirst, "registered");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{repealedFirst}/publication", new { date = "2024-09-06", channel = "政府公报", validUntil = "2024-11-30" });
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{repealedFirst}/repeal", new { date = "2024-11-01" });

        Factory.Clock.Set(new DateTimeOffset(2024, 11, 30, 15, 0, 0, TimeSpan.Zero)); // 23:00 in Beijing, still valid
        (await TypesOfAsync(id)).Should().Equal("document.published");

        Factory.Clock.Set(new DateTimeOffset(2024, 11, 30, 16, 30, 0, TimeSpan.Zero)); // 00:30 on 12-01 in Beijing
        (await TypesOfAsync(id)).Should().Equal("document.published", "document.expired");
        (await TypesOfAsync(id)).Should().Equal(["document.published", "document.expired"], "reading again records nothing twice");
        (await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TypesOfAsync(repealedFirst)).Should().Equal("document.published", "document.repealed");
        var expired = (await Client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={id}&types=document.expired")).GetProperty("items")[0];
        expired.GetProperty("effectiveOn").GetString().Should().Be("2024-12-01");
        expired.GetProperty("data").GetProperty("validUntil").GetString().Should().Be("2024-11-30");
        (await Client.GetOkAsync(Anonymous, $"/api/v1/documents/{id}")).GetProperty("status").GetString().Should().Be("expired");

        // An old document entered after its validity ran out gets its expiry at once.
        var old = await Client.UploadAsync();
        Factory.Clock.Set(new DateTimeOffset(2024, 12, 2, 2, 0, 0, TimeSpan.Zero));
        await Client.TakeToAsync(old, "registered", publicationDate: "2024-12-02");
        Factory.Clock.Set(new DateTimeOffset(2024, 12, 20, 2, 0, 0, TimeSpan.Zero));
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{old}/publication", new { date = "2024-12-02", channel = "政府公报", validUntil = "2024-12-10" });
        (await TypesOfAsync(old)).Should().Equal("document.published", "document.expired");
    }

    [Fact]
    public async Task Events_NeverCarryPersonalOrInternalText_GivenNamedKeysOpinionsAndWebhooks()
    {
        var hook = await CreateWebhookAsync(Npc, ["document.published", "document.repealed", "filing.received", "filing.reviewed", "filing.corrected"]);
        const string Person = "张三 13812345678 zhangsan@example.com 330122199001011234";
        var drafter = await KeyAsync("0192a000-0000-7000-8000-000000000002", "drafter", Person);
        var legal = await KeyAsync("0192a000-0000-7000-8000-000000000004", "legal-office", Person);

        var id = await Client.UploadAsync(key: drafter);
        var d = $"/api/v1/documents/{id}";
        await Client.PostOkAsync(drafter, d + "/consultation", new { waiverReason = "内部意见：无需征求" });
        await Client.PostOkAsync(drafter, d + "/fair-competition-review", new { outcome = "passed", opinion = "内部意见：初审通过" });
        await Client.PostOkAsync(Market, d + "/fair-competition-review", new { outcome = "passed", opinion = "内部意见：会同审查" });
        await Client.PostOkAsync(drafter, d + "/gender-equality-assessment", new { outcome = "not-applicable" });
        await Client.PostOkAsync(drafter, d + "/health-screening", new { outcome = "not-applicable" });
        await Client.PostOkAsync(legal, d + "/legality-review", new { outcome = "passed", opinion = "内部意见：合法" });
        await Client.PostOkAsync(legal, d + "/collective-decision", new { meeting = "县政府第12次常务会议", date = "2024-09-06" });
        await Client.PostOkAsync(legal, d + "/registration");
        await Client.PostOkAsync(legal, d + "/publication", new { date = "2024-09-06", channel = "桐庐县人民政府网站", policyInterpretation = "内部意见：解读" });
        var filing = await FilingOfAsync(id, Npc);
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{filing}/return", new { reason = "内部意见：缺起草说明" });
        await Client.PostOkAsync(legal, $"/api/v1/filings/{filing}/resubmission", new { note = "内部意见：已补充" });
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{filing}/receipt");
        await Client.PostOkAsync(Npc, $"/api/v1/filings/{filing}/opinion", new { opinion = "correction-required", text = "内部意见：第二条" });
        await Client.PostOkAsync(legal, $"/api/v1/filings/{filing}/correction", new { note = "内部意见：已修改" });
        await DispatchAllAsync();

        var changes = await Client.GetAsync(Anonymous, $"/api/v1/changes?documentId={id}&limit=200");
        var feed = await Client.GetAsync(Anonymous, "/api/v1/feeds/register.atom?limit=200");
        var webhooks = Receiver.For(hook.Url).Select(r => r.Text).ToList();
        webhooks.Should().HaveCount(4, "published, filing received, reviewed and corrected");
        var published = new[] { await changes.Content.ReadAsStringAsync(), await feed.Content.ReadAsStringAsync() }.Concat(webhooks).ToList();
        foreach (var text in published)
        {
            foreach (var secret in new[] { "张三", "13812345678", "zhangsan@example.com", "330122199001011234", "内部意见", "演示：" })
            {
                text.Should().NotContain(secret);
            }
        }
    }

    [Fact]
    public async Task Webhooks_AreOwnedByTheOrganisation_GivenOtherCallers()
    {
        var created = await Client.PostAsync(Npc, "/api/v1/webhooks", new { url = "https://npc.example/hook", eventTypes = new[] { "document.published" }, description = "县人大备案平台" });
        await Expect(created, HttpStatusCode.Created);
        var body = await Json(created);
        var id = body.GetProperty("webhook").GetProperty("id").GetGuid();
        body.GetProperty("secret").GetString().Should().StartWith("whsec_");
        created.Headers.Location!.ToString().Should().Be($"/api/v1/webhooks/{id}");

        var got = await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{id}");
        got.GetProperty("url").GetString().Should().Be("https://npc.example/hook");
        got.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()).Should().Equal("document.published");
        got.TryGetProperty("secret", out _).Should().BeFalse("the secret is shown once");
        (await Client.GetOkAsync(Npc, "/api/v1/webhooks")).GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).Should().Contain(id);
        (await Client.GetOkAsync(Party, "/api/v1/webhooks")).GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).Should().NotContain(id);
        (await Client.GetAsync(Party, $"/api/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync(Party, $"/api/v1/webhooks/{id}/deliveries")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.As(Party).DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync(Anonymous, "/api/v1/webhooks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Client.GetOkAsync(Admin, $"/api/v1/webhooks/{id}")).GetProperty("id").GetGuid().Should().Be(id);
        var types = await Client.GetOkAsync(Anonymous, "/api/v1/webhooks/event-types");
        types.EnumerateArray().Select(t => t.GetProperty("type").GetString()).Should().Contain(["document.published", "document.expired", "objection.reminder"]);

        (await Client.As(Npc).DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.GetAsync(Npc, $"/api/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == $"organisation:{NpcOffice:D}").ToListAsync();
        audit.Select(e => e.Action).Should().Contain(["webhook.created", "webhook.deleted"]);
        audit.Should().OnlyContain(e => e.NewValue == null || !e.NewValue.Contains("whsec_"), "the secret is never written to the audit trail");
    }

    [Fact]
    public async Task Webhooks_RefuseBadInput_GivenInvalidUrlTypesOrAuthority()
    {
        var response = await Client.PostAsync(Npc, "/api/v1/webhooks", new
        {
            url = "ftp://user:pw@example/hook",
            eventTypes = new[] { "document.published", "document.nonsense" },
            issuingAuthorityId = NpcOffice,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        errors.GetProperty("url")[0].GetString().Should().Contain("absolute");
        errors.GetProperty("eventTypes")[0].GetString().Should().Contain("document.nonsense");
        errors.GetProperty("issuingAuthorityId")[0].GetString().Should().Contain("issuing authority");
        (await Client.PostAsync(Npc, "/api/v1/webhooks", new { url = "https://x.example/h" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Webhook_DeliversSignedEventAfterTwoFailures_GivenExponentialBackoff()
    {
        var hook = await CreateWebhookAsync(Npc, ["document.published"], TongluGovernment);
        Receiver.Fail(hook.Url, 2);
        var id = await PublishAsync();
        var eventId = (await Client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={id}&types=document.published")).GetProperty("items")[0].GetProperty("id").GetString();

        await DispatchAllAsync();
        Receiver.For(hook.Url).Should().HaveCount(1);
        var delivery = (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/deliveries")).GetProperty("items").EnumerateArray()
            .Single(x => x.GetProperty("eventId").GetString() == eventId);
        delivery.GetProperty("status").GetString().Should().Be("pending");
        delivery.GetProperty("lastStatusCode").GetInt32().Should().Be(500);
        var wait = delivery.GetProperty("nextAttemptAt").GetDateTimeOffset() - delivery.GetProperty("lastAttemptAt").GetDateTimeOffset();
        wait.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(30), "first retry: 30 s with equal jitter");

        await DispatchAllAsync();
        Receiver.For(hook.Url).Should().HaveCount(1, "not due yet");
        Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await DispatchAllAsync();
        Receiver.For(hook.Url).Should().HaveCount(2);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await DispatchAllAsync();

        var received = Receiver.For(hook.Url);
        received.Should().HaveCount(3);
        received.Select(r => r.Header("X-Filing-Delivery-Attempt")).Should().Equal("1", "2", "3");
        received.Select(r => r.Header("X-Filing-Event-Id")).Should().OnlyContain(e => e == eventId);
        received.Select(r => r.Text).Distinct().Should().HaveCount(1, "the same body is sent on every attempt");
        var last = received[^1];
        last.Header("X-Filing-Event-Type").Should().Be("document.published");
        last.Header("Content-Type").Should().Contain("application/json");
        WebhookSignature.Verify(hook.Secret, last.Body, last.Header("X-Filing-Signature")).Should().BeTrue("the deprecated header is still sent by default");
        WebhookSignature.Verify("whsec_wrong", last.Body, last.Header("X-Filing-Signature")).Should().BeFalse();

        // The timestamped signature: the same webhook-id on every attempt, a fresh timestamp on each, each valid when sent.
        received.Select(r => r.Header("webhook-id")).Should().OnlyContain(e => e == eventId);
        received.Select(r => r.Timestamp).Should().Equal(
            [received[0].Timestamp, received[0].Timestamp.AddSeconds(31), received[0].Timestamp.AddSeconds(92)], "each retry is signed when it is sent");
        received.Should().AllSatisfy(r => r.VerifiesAsReadmeSays(hook.Secret, r.Timestamp).Should().BeTrue());
        last.VerifiesAsReadmeSays(hook.Secret, Factory.Clock.GetUtcNow()).Should().BeTrue();
        last.VerifiesAsReadmeSays(WebhookSignature.NewSecret(), Factory.Clock.GetUtcNow()).Should().BeFalse();
        received[0].VerifiesAsReadmeSays(hook.Secret, received[0].Timestamp.AddMinutes(5).AddSeconds(1))
            .Should().BeFalse("a receiver refuses a delivery older than 5 minutes: the retry, freshly signed, is what it accepts");
        var body = JsonDocument.Parse(last.Body).RootElement;
        body.GetProperty("id").GetString().Should().Be(eventId);
        body.GetProperty("type").GetString().Should().Be("document.published");
        body.GetProperty("document").GetProperty("id").GetGuid().Should().Be(id);
        var counts = (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}")).GetProperty("deliveries");
        counts.GetProperty("delivered").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/deliveries?status=delivered")).GetProperty("items").EnumerateArray()
            .Single(x => x.GetProperty("eventId").GetString() == eventId).GetProperty("attempts").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Webhook_DeadLettersAndRetriesOnRequest_GivenReceiverThatAlwaysFails()
    {
        var hook = await CreateWebhookAsync(Party, ["document.published"]);
        Receiver.Fail(hook.Url, int.MaxValue);
        await PublishAsync();

        for (var i = 0; i < 6; i++)
        {
            await DispatchAllAsync();
            Factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        Receiver.For(hook.Url).Should().HaveCount(4, "Webhooks:MaxAttempts is 4 in this host");
        var dead = await Client.GetOkAsync(Party, $"/api/v1/webhooks/{hook.Id}/deliveries?status=dead");
        dead.GetProperty("total").GetInt32().Should().Be(1);
        var letter = dead.GetProperty("items")[0];
        letter.GetProperty("attempts").GetInt32().Should().Be(4);
        letter.GetProperty("lastError").GetString().Should().Contain("500");
        letter.GetProperty("nextAttemptAt").ValueKind.Should().Be(JsonValueKind.Null);
        var deliveryId = letter.GetProperty("id").GetGuid();
        (await Client.GetAsync(Npc, $"/api/v1/webhooks/{hook.Id}/deliveries?status=dead")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.PostAsync(Npc, $"/api/v1/webhooks/{hook.Id}/deliveries/{deliveryId}/retry")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        Receiver.Fail(hook.Url, 0);
        var retried = await Client.PostOkAsync(Party, $"/api/v1/webhooks/{hook.Id}/deliveries/{deliveryId}/retry");
        retried.GetProperty("status").GetString().Should().Be("pending");
        await DispatchAllAsync();
        Receiver.For(hook.Url).Should().HaveCount(5);
        Receiver.For(hook.Url)[^1].Header("X-Filing-Delivery-Attempt").Should().Be("1");
        (await Client.GetOkAsync(Party, $"/api/v1/webhooks/{hook.Id}/deliveries?status=delivered")).GetProperty("total").GetInt32().Should().Be(1);
        (await Client.PostAsync(Party, $"/api/v1/webhooks/{hook.Id}/deliveries/{deliveryId}/retry")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Outbox_WritesNothing_GivenStepRefusedOrSubscriptionDeleted()
    {
        var hook = await CreateWebhookAsync(Npc, ["document.published", "document.repealed"]);
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "decided");
        var before = await Client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={id}");

        (await Client.PostAsync(Legal, $"/api/v1/documents/{id}/publication", new { date = "2024-09-06", channel = "政府公报" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "not registered yet");
        await DispatchAllAsync();

        before.GetProperty("total").GetInt32().Should().Be(0);
        (await Client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={id}")).GetProperty("total").GetInt32().Should().Be(0);
        Receiver.For(hook.Url).Should().BeEmpty();

        await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/registration");
        await Client.PostOkAsync(Legal, $"/api/v1/documents/{id}/publication", new { date = "2024-09-06", channel = "政府公报" });
        (await Client.As(Npc).DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await DispatchAllAsync();
        Receiver.For(hook.Url).Should().BeEmpty("the pending delivery was cancelled with its subscription");
        (await Client.GetOkAsync(Npc, $"/api/v1/webhooks/{hook.Id}/deliveries?status=cancelled")).GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task CleanupPublication_RecordsListsAndEachRepeal_GivenDecisions()
    {
        var keep = await PublishAsync();
        var drop = await PublishAsync();
        var start = (await Client.GetOkAsync(Anonymous, "/api/v1/changes?types=cleanup.published&limit=200")).GetProperty("total").GetInt32();
        var opened = await Client.PostAsync(Legal, "/api/v1/cleanups", new { title = "2024年度清理" });
        await Expect(opened, HttpStatusCode.Created);
        var campaign = await Json(opened);
        var cid = campaign.GetProperty("id").GetGuid();
        var decisions = campaign.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("documentId").GetGuid())
            .Select(d => new { documentId = d, decision = d == drop ? "repeal" : "continue", reason = d == drop ? "已被替代" : null }).ToList();
        await Client.PostOkAsync(Legal, $"/api/v1/cleanups/{cid}/decisions", new { decisions });
        await Client.PostOkAsync(Legal, $"/api/v1/cleanups/{cid}/publication", new { date = "2024-09-06" });

        var cleanups = await Client.GetOkAsync(Anonymous, "/api/v1/changes?types=cleanup.published&limit=200");
        cleanups.GetProperty("total").GetInt32().Should().Be(start + 1);
        var lists = cleanups.GetProperty("items").EnumerateArray().Last().GetProperty("data").GetProperty("lists");
        lists.GetProperty("repeal").EnumerateArray().Select(x => x.GetGuid()).Should().Equal(drop);
        lists.GetProperty("continue").EnumerateArray().Select(x => x.GetGuid()).Should().Contain(keep);
        (await TypesOfAsync(drop)).Should().Equal("document.published", "document.repealed");
        (await TypesOfAsync(keep)).Should().Equal("document.published");
    }

    [Fact]
    public async Task NotificationOutbox_DeliversToTheOrganisationOnlyAndCommitsWithTheCaller_GivenOtherFeatureUse()
    {
        var npcHook = await CreateWebhookAsync(Npc, ["filing.due-reminder"]);
        var partyHook = await CreateWebhookAsync(Party, ["filing.due-reminder"]);
        var before = (await Client.GetOkAsync(Anonymous, "/api/v1/changes?limit=1")).GetProperty("total").GetInt32();

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
            (await outbox.NotifyOrganisationAsync(NpcOffice, "filing.due-reminder", new { filings = 2, dueDate = "2024-10-08" }, CancellationToken.None)).Should().Be(1);
            outbox.Enqueue("email", "citizen@example.com", TongluGovernment, "objection.reminder", new { trackingCode = "2024-ABCD" });
            await db.SaveChangesAsync();

            var unsaved = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            (await unsaved.NotifyOrganisationAsync(NpcOffice, "filing.due-reminder", new { filings = 99 }, CancellationToken.None)).Should().Be(1);
            db.ChangeTracker.Clear(); // the caller's change is abandoned: its notification goes with it
            var wrongType = () => unsaved.NotifyOrganisationAsync(NpcOffice, "document.published", new { }, CancellationToken.None);
            await wrongType.Should().ThrowAsync<ArgumentException>();
        }

        await DispatchAllAsync();

        var received = Receiver.For(npcHook.Url);
        received.Should().HaveCount(1);
        received[0].Header("X-Filing-Event-Type").Should().Be("filing.due-reminder");
        WebhookSignature.Verify(npcHook.Secret, received[0].Body, received[0].Header("X-Filing-Signature")).Should().BeTrue();
        received[0].VerifiesAsReadmeSays(npcHook.Secret, Factory.Clock.GetUtcNow()).Should().BeTrue("notifications are signed like events");
        JsonDocument.Parse(received[0].Body).RootElement.GetProperty("data").GetProperty("filings").GetInt32().Should().Be(2);
        Receiver.For(partyHook.Url).Should().BeEmpty("a notification goes to the organisation it is addressed to");
        Receiver.Received.Should().NotContain(r => r.Text.Contains("citizen@example.com"));
        (await Client.GetOkAsync(Anonymous, "/api/v1/changes?limit=1")).GetProperty("total").GetInt32().Should().Be(before, "notifications are not public events");

        await using var check = Factory.Services.CreateAsyncScope();
        var email = await check.ServiceProvider.GetRequiredService<FilingDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Channel == "email");
        email.Status.Should().Be(OutboxStatus.Pending, "no e-mail sender is registered: it waits, it is not dropped");
        email.Attempts.Should().Be(0);
    }

    protected async Task<Guid> PublishAsync()
    {
        var id = await Client.UploadAsync();
        await Client.TakeToAsync(id, "published");
        return id;
    }

    protected async Task DispatchAllAsync()
    {
        var dispatcher = Factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; round++)
        {
        }
    }

    private async Task<List<string?>> TypesOfAsync(Guid documentId) =>
        [.. (await Client.GetOkAsync(Anonymous, $"/api/v1/changes?documentId={documentId}&limit=200")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString())];

    private async Task<List<JsonElement>> DrainChangesAsync(string? since, int limit = 200)
    {
        var all = new List<JsonElement>();
        var cursor = since;
        while (true)
        {
            var page = await Client.GetOkAsync(Anonymous, $"/api/v1/changes?limit={limit}" + (cursor is null ? "" : $"&since={cursor}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                return all;
            }
        }
    }

    private async Task<string> LastCursorAsync(string? since)
    {
        var cursor = since;
        while (true)
        {
            var page = await Client.GetOkAsync(Anonymous, "/api/v1/changes?limit=200" + (cursor is null ? "" : $"&since={cursor}"));
            cursor = page.GetProperty("resumeCursor").GetString()!;
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null)
            {
                return cursor;
            }
        }
    }

    private async Task<Guid> FilingOfAsync(Guid documentId, string recipientKey) =>
        (await Client.GetOkAsync(recipientKey, $"/api/v1/filings?documentId={documentId}")).GetProperty("items")[0].GetProperty("id").GetGuid();

    private async Task<string> KeyAsync(string organisationId, string role, string label)
    {
        var created = await Client.PostOkAsync(Admin, $"/api/v1/organisations/{organisationId}/api-keys", new { label, roles = new[] { role } });
        return created.GetProperty("key").GetString()!;
    }

    protected async Task<(Guid Id, string Url, string Secret)> CreateWebhookAsync(string key, string[] types, Guid? authority = null)
    {
        var url = $"https://receiver.example/{Guid.NewGuid():N}";
        var created = await Client.PostOkAsync(key, "/api/v1/webhooks", new { url, eventTypes = types, issuingAuthorityId = authority });
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), url, created.GetProperty("secret").GetString()!);
    }

    private static XElement RequiredOnce(XElement parent, string name)
    {
        var found = parent.Elements(Atom + name).ToList();
        found.Should().HaveCount(1, $"atom:{parent.Name.LocalName} must contain exactly one atom:{name} (RFC 4287)");
        return found[0];
    }
}

public sealed class SqliteFeedScenarios(FeedsApiFactory factory) : FeedScenarios(factory), IClassFixture<FeedsApiFactory>;

public sealed class PostgresFeedScenarios(PostgresFeedsApiFactory factory) : FeedScenarios(factory), IClassFixture<PostgresFeedsApiFactory>;
