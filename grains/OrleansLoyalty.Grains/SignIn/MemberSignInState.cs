using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.SignIn;

[GenerateSerializer, Alias("state.MemberSignIn")]
public sealed class MemberSignInState : IHasCompanions
{
    /// <summary>Argon2id PHC string; null until the member sets a password.</summary>
    [Id(0)] public string? PasswordHash { get; set; }

    /// <summary>Password attempts begun since the last success (an attempt counts as failed until it succeeds).</summary>
    [Id(1)] public int PasswordFailures { get; set; }

    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Keyed hash of the live one-time code (<see cref="Security.PersonalDataProtector.OneTimeCodeHash"/>).</summary>
    [Id(3)] public byte[]? CodeHash { get; set; }

    [Id(4)] public DateTimeOffset CodeExpiresAt { get; set; }

    [Id(5)] public int CodeTriesLeft { get; set; }

    /// <summary>When codes were sent in the last hour, oldest first: the resend and hourly limits.</summary>
    [Id(6)] public List<DateTimeOffset> CodesSent { get; set; } = [];

    /// <summary>Counts codes ever sent: part of each outbox message's id.</summary>
    [Id(7)] public long CodeSequence { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    public StateCompanions Companions => _companions;
}
