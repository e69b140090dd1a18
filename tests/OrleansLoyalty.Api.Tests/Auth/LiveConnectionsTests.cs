using System.Security.Claims;
using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>Open hub connections end with their token, whichever comes first: the revocation or the hub hearing of the connection.</summary>
public sealed class LiveConnectionsTests
{
    private const long IssuedAt = 1_800_000_000_000;

    [Fact]
    public void A_connection_whose_token_was_revoked_before_the_hub_heard_of_it_is_aborted_as_it_is_recorded()
    {
        var revocations = new TokenRevocations();
        var live = new LiveConnections(revocations);
        revocations.Apply(TokenSubjects.Staff("alice"), IssuedAt + 1);
        var aborted = 0;

        live.Opened("c1", Staff("alice"), () => aborted++);

        Assert.Equal(1, aborted);
        Assert.Equal(0, live.CloseWhere(_ => true));
    }

    [Fact]
    public void A_connection_recorded_first_is_aborted_by_the_revocation_and_others_stay_open()
    {
        var revocations = new TokenRevocations();
        var live = new LiveConnections(revocations);
        var aborted = new List<string>();
        live.Opened("alice", Staff("alice"), () => aborted.Add("alice"));
        live.Opened("bob", Staff("bob"), () => aborted.Add("bob"));

        revocations.Apply(TokenSubjects.Staff("alice"), IssuedAt + 1);
        live.CloseWhere(user => TokenSubjects.Of(user) == TokenSubjects.Staff("alice") && revocations.IsRevoked(user));

        Assert.Equal(["alice"], aborted);
        Assert.Equal(1, live.CloseWhere(_ => true));
    }

    private static ClaimsPrincipal Staff(string username) => StaffPrincipals.Manager(username, IssuedAt);
}
