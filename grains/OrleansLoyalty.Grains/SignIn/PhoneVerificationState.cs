using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.SignIn;

[GenerateSerializer, Alias("state.PhoneVerification")]
public sealed class PhoneVerificationState : IOneTimeCodeState
{
    [Id(0)] public byte[]? CodeHash { get; set; }

    [Id(1)] public DateTimeOffset CodeExpiresAt { get; set; }

    [Id(2)] public int CodeTriesLeft { get; set; }

    [Id(3)] public List<DateTimeOffset> CodesSent { get; set; } = [];

    [Id(4)] public long CodeSequence { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    public StateCompanions Companions => _companions;
}
