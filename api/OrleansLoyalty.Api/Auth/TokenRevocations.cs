using System.Collections.Concurrent;
using System.Security.Claims;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// This api instance's copy of <c>token_revocations</c>: for each subject, the instant before which its tokens no
/// longer count. Every authenticated request asks it once (a dictionary look-up, after the validated-token cache);
/// <see cref="TokenRevocationPoller"/> keeps it in step with PostgreSQL and a revocation made here applies at once.
/// </summary>
public sealed class TokenRevocations
{
    private readonly ConcurrentDictionary<string, long> _notBeforeMs = new(StringComparer.Ordinal);
    private readonly Lock _changing = new();
    private volatile bool _any;

    /// <summary>Raised with the subject whenever its tokens' cut-off moves on.</summary>
    public event Action<string>? Revoked;

    // The common case, a chain where nobody was revoked lately, costs a lane's request no claim reading at all (a
    // flag of our own: ConcurrentDictionary.IsEmpty takes every lock when the dictionary is empty).
    public bool IsRevoked(ClaimsPrincipal user) =>
        _any && _notBeforeMs.TryGetValue(TokenSubjects.Of(user), out var notBefore) && TokenSubjects.IssuedAtMs(user) < notBefore;

    /// <summary>When tokens of <paramref name="subject"/> start to count again (0 when they always did).</summary>
    public long NotBeforeMs(string subject) => _notBeforeMs.GetValueOrDefault(subject);

    /// <summary>Records a revocation; a later one wins, an earlier one read late changes nothing.</summary>
    public void Apply(string subject, long notBeforeMs)
    {
        bool moved;
        lock (_changing)
        {
            _any = true;
            var known = _notBeforeMs.GetValueOrDefault(subject);
            moved = _notBeforeMs.AddOrUpdate(subject, notBeforeMs, (_, current) => Math.Max(current, notBeforeMs)) > known;
        }
        if (moved)
        {
            Revoked?.Invoke(subject);
        }
    }

    /// <summary>
    /// Forgets revocations older than <paramref name="deadBeforeMs"/>: every token they concern has expired, so they
    /// refuse nothing any more. Once none is left, requests are back on the flag-only path. Under the same lock as
    /// <see cref="Apply"/>, so a revocation arriving meanwhile can never be left behind a cleared flag.
    /// </summary>
    public int Forget(long deadBeforeMs)
    {
        lock (_changing)
        {
            var forgotten = 0;
            foreach (var (subject, notBefore) in _notBeforeMs)
            {
                if (notBefore < deadBeforeMs && _notBeforeMs.TryRemove(new KeyValuePair<string, long>(subject, notBefore)))
                {
                    forgotten++;
                }
            }
            if (_notBeforeMs.IsEmpty)
            {
                _any = false;
            }
            return forgotten;
        }
    }
}
