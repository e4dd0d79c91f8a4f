using System.Net;
using Filing.Api.Infrastructure.Notifications;
using Filing.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Filing.Tests.TestSupport.RegisterClient;

namespace Filing.Tests.Api.Participation;

/// <summary>
/// A real e-mail/SMS gateway plugs in as an <see cref="INotificationSender"/>: the dispatcher delivers the pending
/// outbox through it and retries failures with backoff. Here a sender that fails twice before accepting.
/// </summary>
public sealed class NotificationDispatchTests(NotificationDispatchTests.SenderFactory factory) : IClassFixture<NotificationDispatchTests.SenderFactory>
{
    [Fact]
    public async Task DeliversPendingNoticesWithRetries_GivenRegisteredSender()
    {
        factory.Clock.Set(new DateTimeOffset(2024, 9, 6, 2, 0, 0, TimeSpan.Zero));
        var client = new RegisterClient(factory);
        var id = await client.UploadAsync();
        await client.TakeToAsync(id, "published");
        var posted = await client.PostAsync(Anonymous, "/api/v1/objections", new { documentId = id, grounds = "通知测试", contact = new { email = "notify.me@example.com" } });
        await Expect(posted, HttpStatusCode.Created);
        var code = (await Json(posted)).GetProperty("trackingCode").GetString()!;
        await client.PostOkAsync(Legal, $"/api/v1/objections/{code}/triage", new { decision = "not-accepted", reasonKind = "duplicate", reason = "与已办理的建议相同" });
        await client.PostOkAsync(Legal, $"/api/v1/objections/{code}/reply", new { text = "不予受理：与已办理的审查建议相同。" });
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();

        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).Should().Be(0, "the first attempt fails");
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).Should().Be(0, "the retry waits for its backoff");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).Should().Be(0, "the second attempt fails too");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).Should().Be(1);

        factory.Sender.Sent.Should().ContainSingle().Which.Should().Be(("notify.me@example.com", NotificationChannel.Email));
        var notice = (await client.GetOkAsync(Legal, "/api/v1/notifications?kind=objection-replied")).GetProperty("items")[0];
        notice.GetProperty("status").GetString().Should().Be("delivered");
        notice.GetProperty("attempts").GetInt32().Should().Be(3);
        notice.GetProperty("body").GetString().Should().Contain(code).And.Contain("不予受理");
    }

    public sealed class FlakySender : INotificationSender
    {
        private int _calls;

        public List<(string Address, NotificationChannel Channel)> Sent { get; } = [];

        public Task<bool> SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= 2)
            {
                throw new HttpRequestException("gateway unavailable");
            }

            Sent.Add((notification.RecipientAddress!, notification.Channel));
            return Task.FromResult(true);
        }
    }

    public sealed class SenderFactory : FilingApiFactory
    {
        public FlakySender Sender { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<INotificationSender>(Sender));
        }
    }
}
