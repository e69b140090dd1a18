using System.Net;
using System.Text;
using System.Web;

namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>
/// WeChat's <c>jscode2session</c> for the api under test: a code <c>wx-</c>… names the open id <c>oWx</c>…, a code
/// already used gets WeChat's 40163.
/// </summary>
public sealed class WeChatServerStub : HttpMessageHandler
{
    public const string AppId = "wx00000000000test";
    public const string UsedCode = "wx-used-code-0001";

    public static string OpenIdFor(string code) => "oWx" + code[3..].Replace("-", "", StringComparison.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal("/sns/jscode2session", request.RequestUri!.AbsolutePath);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        Assert.Equal((AppId, "authorization_code"), (query["appid"], query["grant_type"]));
        var code = query["js_code"]!;
        var answer = code == UsedCode || !code.StartsWith("wx-", StringComparison.Ordinal)
            ? """{"errcode":40163,"errmsg":"code been used"}"""
            : $$"""{"openid":"{{OpenIdFor(code)}}","session_key":"tiihtNczf5v6AKRyjwEUhQ=="}""";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "text/plain") });
    }
}
