using System.Security.Claims;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>An api instance's memory of revocations: it refuses what was revoked, and lets go of what only dead tokens concerned.</summary>
public sealed class TokenRevocationsTests
{
    private const long RevokedAt = 1_800_000_000_000;

    [Fact]
    public void A_token_issued_before_its_subjects_revocation_is_refused_and_one_issued_after_is_not()
    {
        var revocations = new TokenRevocations();
        revocations.Apply(TokenSubjects.Staff("alice"), RevokedAt);

        Assert.True(revocations.IsRevoked(Staff("alice", RevokedAt - 1)));
        Assert.False(revocations.IsRevoked(Staff("alice", RevokedAt)));
        Assert.False(revocations.IsRevoked(Staff("bob", RevokedAt - 1)));
    }

    [Fact]
    public void Revocations_whose_tokens_have_all_expired_are_forgotten_and_live_ones_kept()
    {
        var revocations = new TokenRevocations();
        revocations.Apply(TokenSubjects.Staff("old"), RevokedAt);
        revocations.Apply(TokenSubjects.Staff("recent"), RevokedAt + 60_000);

        Assert.Equal(1, revocations.Forget(deadBeforeMs: RevokedAt + 1));

        Assert.False(revocations.IsRevoked(Staff("old", RevokedAt - 1)));
        Assert.True(revocations.IsRevoked(Staff("recent", RevokedAt)));
        Assert.Equal(1, revocations.Forget(deadBeforeMs: RevokedAt + 60_001));
        Assert.Equal(0, revocations.NotBeforeMs(TokenSubjects.Staff("recent")));
    }

    [Fact]
    public void A_revocation_arriving_after_everything_was_forgotten_still_refuses()
    {
        var revocations = new TokenRevocations();
        revocations.Apply(TokenSubjects.Staff("old"), RevokedAt);
        revocations.Forget(deadBeforeMs: RevokedAt + 1);

        revocations.Apply(TokenSubjects.Staff("carol"), RevokedAt + 10);

        Assert.True(revocations.IsRevoked(Staff("carol", RevokedAt)));
    }

    private static ClaimsPrincipal Staff(string username, long issuedAtMs) => StaffPrincipals.Manager(username, issuedAtMs);
}
