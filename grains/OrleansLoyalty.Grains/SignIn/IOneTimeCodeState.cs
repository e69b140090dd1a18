using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.SignIn;

/// <summary>The part of a grain's state that holds a one-time code sent by SMS (<see cref="OneTimeCodes"/>).</summary>
public interface IOneTimeCodeState : IHasCompanions
{
    /// <summary>Keyed hash of the live code (<see cref="Security.PersonalDataProtector.OneTimeCodeHash"/>); null when none is live.</summary>
    byte[]? CodeHash { get; set; }

    DateTimeOffset CodeExpiresAt { get; set; }

    int CodeTriesLeft { get; set; }

    /// <summary>When codes were sent in the last hour, oldest first: the resend and hourly limits.</summary>
    List<DateTimeOffset> CodesSent { get; }

    /// <summary>Counts codes ever sent: part of each outbox message's id.</summary>
    long CodeSequence { get; set; }
}
