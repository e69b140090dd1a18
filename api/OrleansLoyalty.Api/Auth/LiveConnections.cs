using System.Collections.Concurrent;
using System.Security.Claims;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// The open SignalR connections and who opened them. A hub checks a token only when its connection starts, so a
/// revocation has to close the connections its tokens opened (<see cref="RevokedConnectionCloser"/>).
/// </summary>
public sealed class LiveConnections(TokenRevocations revocations)
{
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal User, Action Abort)> _open = new(StringComparer.Ordinal);

    /// <summary>
    /// Records an open connection, or aborts it at once when its token was revoked after the handshake checked it: a hub
    /// learns of its connection only after the client was told it is connected, and a revocation landing in between
    /// found nothing to close.
    /// </summary>
    public void Opened(string connectionId, ClaimsPrincipal user, Action abort)
    {
        _open[connectionId] = (user, abort);
        if (revocations.IsRevoked(user) && _open.TryRemove(connectionId, out _))
        {
            abort();
        }
    }

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
