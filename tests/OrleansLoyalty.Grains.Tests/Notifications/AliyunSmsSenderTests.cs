using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Notifications.Providers;

namespace OrleansLoyalty.Grains.Tests.Notifications;

public sealed class AliyunSmsSenderTests
{
    private static readonly AliyunSmsOptions Settings = new()
    {
        AccessKeyId = "testId",
        AccessKeySecret = "testSecret",
        SignName = "好邻居超市",
        Templates = NotificationTemplates.All.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => $"SMS_{7139000 + x.i}"),
    };

    [Fact]
    public void The_signature_is_the_one_in_alibaba_clouds_own_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId", ["Action"] = "SendSms", ["Format"] = "XML", ["OutId"] = "123", ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou", ["SignName"] = "阿里云短信测试专用", ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466", ["SignatureVersion"] = "1.0", ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = "{\"customer\":\"test\"}", ["Timestamp"] = "2017-07-12T02:42:19Z", ["Version"] = "2017-05-25",
        };

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunRpcSignature.Sign("GET", parameters, "testSecret"));
    }

    [Fact]
    public async Task A_sign_in_code_goes_as_a_signed_request_for_the_chains_approved_template()
    {
        var provider = new StubProvider("""{"Code":"OK","Message":"OK","BizId":"900619746936498440^0","RequestId":"F655A8D5"}""");
        var sender = Sender(provider);

        await sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.SignInCode), CancellationToken.None);

        var form = Assert.Single(provider.Forms);
        Assert.Equal("13800000001", form["PhoneNumbers"]);
        Assert.Equal(Settings.Templates[NotificationTemplates.SignInCode], form["TemplateCode"]);
        Assert.Equal("""{"code":"482916","minutes":"5"}""", form["TemplateParam"]);
        Assert.Equal("好邻居超市", form["SignName"]);
        Assert.Equal("M000000000000042:signin.code:2026-12-03", form["OutId"]);
        Assert.Equal("2026-12-03T02:00:00Z", form["Timestamp"]);
        var unsigned = form.Where(p => p.Key != "Signature");
        Assert.Equal(AliyunRpcSignature.Sign("POST", unsigned, "testSecret"), form["Signature"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控Permits:1"}""", "isv.BUSINESS_LIMIT_CONTROL")]
    [InlineData(HttpStatusCode.BadRequest, """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched"}""", "SignatureDoesNotMatch")]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "HTTP 502")]
    public async Task Anything_but_ok_is_not_delivered_and_says_what_the_provider_answered(HttpStatusCode status, string answer, string expected)
    {
        var sender = Sender(new StubProvider(answer, status));

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(SampleDeliveries.Of(NotificationTemplates.PointsExpiring), CancellationToken.None));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_an_approved_counterpart_stops_the_silo_at_start_naming_it()
    {
        var partial = new AliyunSmsOptions { Templates = new() { [NotificationTemplates.SignInCode] = "SMS_1" } };

        var result = new AliyunSmsOptionsValidator().Validate(null, partial);

        Assert.True(result.Failed);
        Assert.Contains(NotificationTemplates.PaymentPinChanged, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationTemplates.SignInCode + ",", result.FailureMessage, StringComparison.Ordinal);
    }

    private static AliyunSmsSender Sender(StubProvider provider) =>
        new(new StubHttpClientFactory(provider), Options.Create(Settings), new FakeTimeProvider(SampleDeliveries.At));

    /// <summary>Alibaba Cloud's endpoint as far as this sender can tell: it reads the form and answers as told.</summary>
    private sealed class StubProvider(string answer, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<Dictionary<string, string>> Forms { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("https://dysmsapi.aliyuncs.com/", request.RequestUri!.ToString());
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Forms.Add(body.Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' '))));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, answer.StartsWith('{') ? "application/json" : "text/html") };
        }
    }
}
