using System.Collections.Concurrent;
using System.Security.Claims;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// The open SignalR connections and who opened them. A hub checks a token only when its connection starts, so a
/// revocation has to close the connections its tokens opened (<see cref="RevokedConnectionCloser"/>).
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal User, Action Abort)> _open = new(StringComparer.Ordinal);

    public void Opened(string connectionId, ClaimsPrincipal user, Action abort) => _open[connectionId] = (user, abort);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>Aborts every connection whose user <paramref name="mustClose"/> says must go; how many it aborted.</summary>
    public int CloseWhere(Func<ClaimsPrincipal, bool> mustClose)
    {
        var closed = 0;
        foreach (var (id, (user, abort)) in _open)
        {
            if (mustClose(user) && _open.TryRemove(id, out _))
            {
                abort();
                closed++;
            }
        }
        return closed;
    }
}
