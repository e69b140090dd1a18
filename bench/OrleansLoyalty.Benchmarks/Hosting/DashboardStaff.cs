using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansLoyalty.Benchmarks.Workload;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>One manager per dashboard store (created by the admin through <c>POST /api/v1/staff</c>), signed in.</summary>
public static class DashboardStaff
{
    public static async Task<IReadOnlyList<string>> ManagerTokens(ApiProcess api, string adminToken, string runId)
    {
        var tokens = new List<string>();
        for (var store = 0; store < DashboardShape.Stores; store++)
        {
            var username = $"{runId}-mgr-{DashboardShape.StoreId(store)}";
            var password = "bench-manager-" + runId;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff")
            {
                Content = JsonContent.Create(new { username, password, roles = new[] { "manager" }, storeIds = new[] { DashboardShape.StoreId(store) } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var created = await api.Http.SendAsync(request);
            created.EnsureSuccessStatusCode();
            tokens.Add(await api.Token(username, password));
        }
        return tokens;
    }
}
