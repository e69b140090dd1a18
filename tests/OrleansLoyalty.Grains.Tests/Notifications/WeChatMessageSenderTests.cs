using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Notifications.Providers;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Grains.Tests.Notifications;

public sealed class WeChatMessageSenderTests
{
    private const string OpenId = "oAbCdEfGhIjKlMnOpQrStUv";

    private static readonly WeChatMessageOptions Settings = new()
    {
        Page = "pages/member/points",
        MiniprogramState = "trial",
        Templates = new()
        {
            [NotificationTemplates.PointsExpiring] = Template("tmpl-points", ("number1", "{points}"), ("date2", "{date}"), ("thing3", "积分到期前请尽快使用，100 积分可抵 1 元现金")),
            [NotificationTemplates.TierDowngradeComing] = Template("tmpl-tier", ("phrase1", "{to}"), ("amount2", "{amount}元")),
            [NotificationTemplates.LowBalance] = Template("tmpl-balance", ("amount1", "{amount}元")),
            [NotificationTemplates.BirthdayCoupon] = Template("tmpl-birthday", ("thing1", "{coupon}"), ("date2", "{date}")),
            [NotificationTemplates.Inactive] = Template("tmpl-inactive", ("number1", "{points}")),
            [NotificationTemplates.WelcomeBack] = Template("tmpl-welcome", ("thing1", "会员专享的优惠一直在等您")),
        },
    };

    private readonly FakeTimeProvider _clock = new(SampleDeliveries.At);

    [Fact]
    public async Task A_reminder_goes_to_the_members_open_id_with_the_chosen_template_and_its_fields_within_wechats_limits()
    {
        var wechat = new WeChatStub();
        var sender = Sender(wechat);

        await sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.PointsExpiring, NotificationChannels.WeChat, OpenId), CancellationToken.None);

        var sent = Assert.Single(wechat.Messages);
        Assert.Equal((OpenId, "tmpl-points", "pages/member/points", "trial"),
            (sent["touser"]!.GetValue<string>(), sent["template_id"]!.GetValue<string>(), sent["page"]!.GetValue<string>(), sent["miniprogram_state"]!.GetValue<string>()));
        Assert.Equal("150", sent["data"]!["number1"]!["value"]!.GetValue<string>());
        Assert.Equal("2041年12月31日", sent["data"]!["date2"]!["value"]!.GetValue<string>());
        var thing = sent["data"]!["thing3"]!["value"]!.GetValue<string>();
        Assert.Equal(20, thing.Length);
        Assert.EndsWith("…", thing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_token_serves_many_messages_until_wechat_says_it_is_no_longer_valid_and_then_a_new_one_sends_it()
    {
        var wechat = new WeChatStub();
        var sender = Sender(wechat);
        var delivery = SampleDeliveries.Of(NotificationTemplates.LowBalance, NotificationChannels.WeChat, OpenId);

        await sender.SendAsync(delivery, CancellationToken.None);
        await sender.SendAsync(delivery, CancellationToken.None);
        wechat.RevokeTokens();
        await sender.SendAsync(delivery, CancellationToken.None);

        Assert.Equal(2, wechat.TokensIssued);
        Assert.Equal(3, wechat.Messages.Count);
    }

    [Fact]
    public async Task A_token_is_renewed_before_it_runs_out()
    {
        var wechat = new WeChatStub();
        var sender = Sender(wechat);
        var delivery = SampleDeliveries.Of(NotificationTemplates.Inactive, NotificationChannels.WeChat, OpenId);

        await sender.SendAsync(delivery, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4));
        await sender.SendAsync(delivery, CancellationToken.None);

        Assert.Equal(2, wechat.TokensIssued);
    }

    [Fact]
    public async Task A_member_with_no_subscription_left_cannot_be_sent_the_reminder_by_wechat_at_all()
    {
        var sender = Sender(new WeChatStub { SendAnswer = """{"errcode":43101,"errmsg":"user refuse to accept the msg"}""" });

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() =>
            sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.BirthdayCoupon, NotificationChannels.WeChat, OpenId), CancellationToken.None));

        Assert.Contains("43101", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Undeliverable, "trying again would be refused again: the dispatcher sends it by SMS instead");
    }

    [Fact]
    public async Task Wechat_being_busy_is_a_refusal_to_try_again_not_a_reason_to_move_the_reminder()
    {
        var sender = Sender(new WeChatStub { SendAnswer = """{"errcode":-1,"errmsg":"system error"}""" });

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() =>
            sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.Inactive, NotificationChannels.WeChat, OpenId), CancellationToken.None));

        Assert.False(refused.Undeliverable);
    }

    [Fact]
    public void A_reminder_without_a_template_or_a_field_naming_an_unknown_variable_stops_the_silo_at_start()
    {
        var broken = new WeChatMessageOptions
        {
            Templates = new(Settings.Templates.Where(t => t.Key != NotificationTemplates.Inactive))
            {
                [NotificationTemplates.LowBalance] = Template("tmpl-balance", ("amount1", "{balance}元")),
            },
        };

        var result = new WeChatMessageOptionsValidator().Validate(null, broken);

        Assert.True(result.Failed);
        Assert.Contains($"Templates:{NotificationTemplates.Inactive} needs a TemplateId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("{balance}", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new WeChatMessageOptionsValidator().Validate(null, Settings).Succeeded);
    }

    private WeChatMessageSender Sender(WeChatStub wechat)
    {
        var api = new WeChatApi(new StubHttpClientFactory(wechat),
            Options.Create(new WeChatOptions { AppId = "wx0123456789abcdef", AppSecret = "app-secret", ApiBase = new Uri("https://wechat.test/") }), _clock);
        return new WeChatMessageSender(api, Options.Create(Settings));
    }

    private static WeChatTemplate Template(string id, params (string Field, string Format)[] fields) =>
        new() { TemplateId = id, Fields = fields.ToDictionary(f => f.Field, f => f.Format) };

    /// <summary>WeChat's server API as far as the sender sees it: stable tokens, and subscription messages that need a valid one.</summary>
    private sealed class WeChatStub : HttpMessageHandler
    {
        private readonly HashSet<string> _valid = [];

        public int TokensIssued { get; private set; }
        public List<JsonNode> Messages { get; } = [];
        public string SendAnswer { get; init; } = """{"errcode":0,"errmsg":"ok"}""";

        public void RevokeTokens() => _valid.Clear();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/cgi-bin/stable_token")
            {
                Assert.Equal(("client_credential", "wx0123456789abcdef", "app-secret"),
                    (body["grant_type"]!.GetValue<string>(), body["appid"]!.GetValue<string>(), body["secret"]!.GetValue<string>()));
                var token = $"token-{++TokensIssued}";
                _valid.Add(token);
                return Json($$"""{"access_token":"{{token}}","expires_in":7200}""");
            }
            Assert.Equal("/cgi-bin/message/subscribe/send", path);
            var used = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query)["access_token"]!;
            if (!_valid.Contains(used))
            {
                return Json("""{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}""");
            }
            Messages.Add(body);
            return Json(SendAnswer);
        }

        private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
