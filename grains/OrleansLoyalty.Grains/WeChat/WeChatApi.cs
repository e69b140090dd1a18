using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.WeChat;

/// <summary>
/// The calls the chain makes on WeChat's server API: <c>jscode2session</c> (a mini-program's <c>wx.login</c> code →
/// the member's open id) and <c>stable_token</c> (the access token for service messages). The stable token is the
/// one several silos may each ask for without invalidating one another's; it is kept until five minutes before it
/// ends, and renewed at once when WeChat says it is no longer valid.
/// </summary>
public sealed class WeChatApi(IHttpClientFactory http, IOptions<WeChatOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    public const string HttpClientName = "wechat";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private (string Token, DateTimeOffset Until)? _token;

    /// <summary>The open id WeChat gives for a <c>wx.login</c> code (each code works once, for five minutes).</summary>
    public async Task<SessionAnswer> Code2Session(string code, CancellationToken ct)
    {
        var o = options.Value;
        var path = $"sns/jscode2session?appid={Uri.EscapeDataString(o.AppId)}&secret={Uri.EscapeDataString(o.AppSecret)}"
            + $"&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        using var client = Client();
        using var timeout = Timeout(ct);
        return await client.GetFromJsonAsync<SessionAnswer>(path, timeout.Token) ?? new SessionAnswer(ErrCode: -1, ErrMsg: "empty answer");
    }

    /// <summary>POSTs <paramref name="body"/> to a token-authenticated endpoint, renewing the token once if WeChat refuses it.</summary>
    public async Task<ErrorAnswer> PostWithToken(string path, object body, CancellationToken ct)
    {
        var answer = await Post(path, await AccessToken(renew: false, ct), body, ct);
        if (answer.ErrCode is ExpiredToken or InvalidToken or InvalidTokenForm)
        {
            answer = await Post(path, await AccessToken(renew: true, ct), body, ct);
        }
        return answer;
    }

    private async Task<ErrorAnswer> Post(string path, string token, object body, CancellationToken ct)
    {
        using var client = Client();
        using var timeout = Timeout(ct);
        using var response = await client.PostAsJsonAsync($"{path}?access_token={Uri.EscapeDataString(token)}", body, timeout.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ErrorAnswer>(timeout.Token) ?? new ErrorAnswer(-1, "empty answer");
    }

    private async Task<string> AccessToken(bool renew, CancellationToken ct)
    {
        await _tokenGate.WaitAsync(ct);
        try
        {
            if (!renew && _token is { } kept && clock.GetUtcNow() < kept.Until - RenewBefore)
            {
                return kept.Token;
            }
            var o = options.Value;
            using var client = Client();
            using var timeout = Timeout(ct);
            using var response = await client.PostAsJsonAsync("cgi-bin/stable_token",
                new { grant_type = "client_credential", appid = o.AppId, secret = o.AppSecret, force_refresh = false }, timeout.Token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(timeout.Token);
            if (answer is not { AccessToken: { Length: > 0 } token } || answer.ErrCode != 0)
            {
                throw new InvalidOperationException($"WeChat gave no access token: {answer?.ErrCode} {answer?.ErrMsg}");
            }
            _token = (token, clock.GetUtcNow() + TimeSpan.FromSeconds(answer.ExpiresIn));
            return token;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private HttpClient Client()
    {
        var client = http.CreateClient(HttpClientName);
        client.BaseAddress = options.Value.ApiBase;
        return client;
    }

    private CancellationTokenSource Timeout(CancellationToken ct)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        return timeout;
    }

    private const int InvalidToken = 40001;
    private const int InvalidTokenForm = 40014;
    private const int ExpiredToken = 42001;

    public sealed record SessionAnswer(
        [property: JsonPropertyName("openid")] string? OpenId = null,
        [property: JsonPropertyName("unionid")] string? UnionId = null,
        [property: JsonPropertyName("errcode")] int ErrCode = 0,
        [property: JsonPropertyName("errmsg")] string? ErrMsg = null)
    {
        public bool Ok => ErrCode == 0 && !string.IsNullOrEmpty(OpenId);
    }

    /// <summary>WeChat's usual answer: <c>errcode</c> 0 is success.</summary>
    public sealed record ErrorAnswer(
        [property: JsonPropertyName("errcode")] int ErrCode = 0,
        [property: JsonPropertyName("errmsg")] string? ErrMsg = null)
    {
        public bool Ok => ErrCode == 0;
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken = null,
        [property: JsonPropertyName("expires_in")] int ExpiresIn = 0,
        [property: JsonPropertyName("errcode")] int ErrCode = 0,
        [property: JsonPropertyName("errmsg")] string? ErrMsg = null);
}
