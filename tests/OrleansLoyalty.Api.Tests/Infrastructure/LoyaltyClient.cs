using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>An HTTP client speaking the REST contract as a lane or a manager would.</summary>
public sealed class LoyaltyClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<LoyaltyClient> SignInAsync(HttpClient http, string username, string password)
    {
        var token = await new LoyaltyClient(http).PostAsync("/api/v1/auth/token", new { username, password });
        Assert.Equal(HttpStatusCode.OK, token.Status);
        return WithToken(http, token);
    }

    /// <summary>A client carrying the bearer token of a token or login answer.</summary>
    public static LoyaltyClient WithToken(HttpClient http, Reply login)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Body!["accessToken"]!.GetValue<string>());
        return new LoyaltyClient(http);
    }

    public static async Task<LoyaltyClient> SignInDeviceAsync(HttpClient http, string clientId, string clientSecret)
    {
        var token = await new LoyaltyClient(http).PostAsync("/api/v1/auth/token", new { clientId, clientSecret });
        Assert.Equal(HttpStatusCode.OK, token.Status);
        return WithToken(http, token);
    }

    public Task<Reply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<Reply> PostRawAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<Reply> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, JsonContent.Create(body));

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body));

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    private async Task<Reply> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0)
        {
            try { body = JsonNode.Parse(text); } catch (JsonException) { body = JsonValue.Create(text); }
        }
        return new Reply(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>Registers a member with a fresh phone; returns the member id and phone.</summary>
    public async Task<(string MemberId, string Phone)> RegisterAsync(string storeId = "s001", string name = "王小明")
    {
        var phone = RandomPhone();
        var reply = await PostAsync("/api/v1/members", new { phone, name, storeId, channel = "lane" });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (reply.Body!["memberId"]!.GetValue<string>(), phone);
    }

    /// <summary>Creates lane credentials for a store and signs in with them.</summary>
    public async Task<LoyaltyClient> LaneAsync(HttpClient http, string storeId)
    {
        var device = await PostAsync($"/api/v1/stores/{storeId}/devices", new { deviceId = "lane" + RandomNumberGenerator.GetInt32(1000, 9999), role = "lane" });
        Assert.Equal(HttpStatusCode.Created, device.Status);
        return await SignInDeviceAsync(http, device.Body!["clientId"]!.GetValue<string>(), device.Body!["clientSecret"]!.GetValue<string>());
    }

    public static string RandomPhone() => "13" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}

public sealed record Reply(HttpStatusCode Status, JsonNode? Body, string? ContentType, string Text)
{
    public string? Code => Body is JsonObject o && o["code"] is JsonValue v ? v.GetValue<string>() : null;

    public long Long(string property) => Body![property]!.GetValue<long>();
}
