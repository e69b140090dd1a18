using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>
/// Live dashboards at <see cref="Path"/>. A connection joins the chain or stores it may see and
/// gets a snapshot at once, then throttled updates. Errors are HubExceptions whose message is a
/// stable code: <c>auth.forbidden_store</c>, <c>auth.forbidden_chain</c>, <c>request.invalid</c>,
/// <c>dashboard.unavailable</c>.
/// </summary>
[Authorize(Policy = DashboardAccess.PolicyName)]
internal sealed class DashboardHub(DashboardFeeds feeds, LiveConnections live) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    private HashSet<DashboardScope> Joined =>
        (HashSet<DashboardScope>)(Context.Items.TryGetValue(nameof(Joined), out var joined)
            ? joined!
            : Context.Items[nameof(Joined)] = new HashSet<DashboardScope>());

    public Task JoinChain()
    {
        if (!DashboardAccess.CanSeeChain(Context.User))
        {
            throw new HubException("auth.forbidden_chain");
        }
        return JoinAsync(DashboardScope.Chain);
    }

    public Task JoinStore(string storeId)
    {
        if (!DashboardScope.IsValidStoreId(storeId))
        {
            throw new HubException("request.invalid");
        }
        if (!DashboardAccess.CanSeeStore(Context.User, storeId))
        {
            throw new HubException("auth.forbidden_store");
        }
        return JoinAsync(DashboardScope.ForStore(storeId));
    }

    public Task LeaveChain() => LeaveAsync(DashboardScope.Chain);

    public Task LeaveStore(string storeId) =>
        DashboardScope.IsValidStoreId(storeId) ? LeaveAsync(DashboardScope.ForStore(storeId)) : Task.CompletedTask;

    public override Task OnConnectedAsync()
    {
        // So that revoking the token it was opened with closes it (docs/security.md).
        live.Opened(Context.ConnectionId, Context.User ?? new(), Context.Abort);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        live.Closed(Context.ConnectionId);
        foreach (var scope in Joined.ToArray())
        {
            await feeds.For(scope).LeaveAsync(Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    private async Task JoinAsync(DashboardScope scope)
    {
        await feeds.For(scope).JoinAsync(Context.ConnectionId, Context.ConnectionAborted);
        Joined.Add(scope);
    }

    private async Task LeaveAsync(DashboardScope scope)
    {
        if (Joined.Remove(scope))
        {
            await feeds.For(scope).LeaveAsync(Context.ConnectionId);
        }
    }
}
