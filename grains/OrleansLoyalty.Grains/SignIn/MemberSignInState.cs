using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.SignIn;

[GenerateSerializer, Alias("state.MemberSignIn")]
public sealed class MemberSignInState : IOneTimeCodeState
{
    /// <summary>Argon2id PHC string; null until the member sets a password.</summary>
    [Id(0)] public string? PasswordHash { get; set; }

    /// <summary>Password attempts begun since the last success (an attempt counts as failed until it succeeds).</summary>
    [Id(1)] public int PasswordFailures { get; set; }

    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(3)] public byte[]? CodeHash { get; set; }

    [Id(4)] public DateTimeOffset CodeExpiresAt { get; set; }

    [Id(5)] public int CodeTriesLeft { get; set; }

    [Id(6)] public List<DateTimeOffset> CodesSent { get; set; } = [];

    [Id(7)] public long CodeSequence { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    public StateCompanions Companions => _companions;
}
