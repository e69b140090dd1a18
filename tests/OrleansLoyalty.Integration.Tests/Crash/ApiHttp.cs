using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// An HTTP client of one api deployment, signed in as the administrator. It keeps its token across restarts:
/// every incarnation shares the signing key, as a real deployment does.
/// </summary>
internal sealed class ApiHttp(HttpClient http) : IDisposable
{
    public static async Task<ApiHttp> SignInAsync(ApiProcessSettings settings)
    {
        var client = new ApiHttp(new HttpClient { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(20) });
        var token = await client.PostAsync("/api/v1/auth/token", new { username = "admin", password = settings.AdminPassword });
        Assert.True(token.Status == HttpStatusCode.OK, $"admin sign-in: {token}");
        client._http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Body!["accessToken"]!.GetValue<string>());
        return client;
    }

    private readonly HttpClient _http = http;

    public Task<ApiReply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<ApiReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    /// <summary>Registers a member, binds a fresh card and tops it up; returns both ids.</summary>
    public async Task<(string MemberId, string CardNo)> MemberWithStoredValueAsync(long topUp)
    {
        var phone = "13" + Random.Shared.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var registered = await PostAsync("/api/v1/members", new { phone, name = "崩溃测试", storeId = "s001", channel = "lane" });
        Assert.True(registered.Status == HttpStatusCode.Created, $"register: {registered}");
        var memberId = registered.Body!["memberId"]!.GetValue<string>();
        var cardNo = "88" + Guid.NewGuid().ToString("N")[..12];
        var bound = await PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        Assert.True(bound.Status == HttpStatusCode.Created, $"bind card: {bound}");
        var toppedUp = await PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = "TU-" + cardNo, amount = topUp, tender = "cash", storeId = "s001" });
        Assert.True(toppedUp.Status == HttpStatusCode.OK && toppedUp.Long("balance") == topUp, $"top-up: {toppedUp}");
        return (memberId, cardNo);
    }

    private async Task<ApiReply> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                body = JsonValue.Create(text);
            }
        }
        return new ApiReply(response.StatusCode, body, text);
    }

    public void Dispose() => _http.Dispose();
}
