using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Bearer tokens this process has already validated, so a lane's next request with the same token skips parsing
/// and re-checking it (about 5% of a quote's CPU). Only a token that passed full validation is kept; it is found
/// again only by the exact same string, only until its own expiry (never longer than the validator would accept
/// it), and only while the signing key, issuer and audience are the ones it was checked against. See
/// docs/architecture.md (Security) for why this is safe.
/// </summary>
public sealed class ValidatedTokenCache(IOptions<AuthOptions> options, TimeProvider clock)
{
    // Keyed by the raw token with ordinal equality; .NET's per-process randomised string hashing means a guessed
    // token is only ever compared with an entry whose hash it happens to share.
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private int Capacity => options.Value.ValidatedTokenCacheSize;

    public int Count => _entries.Count;

    /// <summary>A fresh result for a token validated before under the same parameters, or null.</summary>
    public TokenValidationResult? Find(string token, TokenValidationParameters parameters)
    {
        if (!_entries.TryGetValue(token, out var entry))
        {
            return null;
        }
        if (entry.ExpiresAt <= clock.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            return null;
        }
        if (!entry.Matches(parameters))
        {
            return null;
        }
        // Each request gets its own identity: nothing one request adds to its principal reaches another.
        return new TokenValidationResult { IsValid = true, ClaimsIdentity = entry.Identity.Clone(), SecurityToken = entry.Token, Issuer = entry.Token.Issuer };
    }

    /// <summary>Keeps a successful validation until the token expires; a full cache is emptied first (bounded memory).</summary>
    public void Add(string token, TokenValidationParameters parameters, TokenValidationResult result)
    {
        if (Capacity <= 0 || !result.IsValid || result.SecurityToken is not { } validated || result.ClaimsIdentity is not { } identity
            || validated.ValidTo == DateTime.MinValue)
        {
            return;
        }
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
        if (_entries.Count >= Capacity)
        {
            EvictExpiredOrAll();
        }
        _entries[token] = new Entry(parameters.IssuerSigningKey, parameters.ValidIssuer, parameters.ValidAudience, identity.Clone(), validated, expiresAt);
    }

    private void EvictExpiredOrAll()
    {
        var now = clock.GetUtcNow();
        foreach (var (token, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(token, out _);
            }
        }
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(SecurityKey? Key, string? Issuer, string? Audience, ClaimsIdentity Identity, SecurityToken Token, DateTimeOffset ExpiresAt)
    {
        // The bearer handler clones its parameters per request; the key object itself is the configured one.
        public bool Matches(TokenValidationParameters parameters) =>
            ReferenceEquals(Key, parameters.IssuerSigningKey)
            && string.Equals(Issuer, parameters.ValidIssuer, StringComparison.Ordinal)
            && string.Equals(Audience, parameters.ValidAudience, StringComparison.Ordinal);
    }
}
