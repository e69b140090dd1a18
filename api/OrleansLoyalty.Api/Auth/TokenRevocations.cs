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
        _any = true;
        var known = _notBeforeMs.GetValueOrDefault(subject);
        if (_notBeforeMs.AddOrUpdate(subject, notBeforeMs, (_, current) => Math.Max(current, notBeforeMs)) > known)
        {
            Revoked?.Invoke(subject);
        }
    }
}
