namespace OrleansLoyalty.Contracts.SignIn;

/// <summary>Whether a one-time code went into the outbox, and if not, when the member may ask again.</summary>
[GenerateSerializer, Immutable, Alias("signin.CodeRequestOutcome")]
public sealed record CodeRequestOutcome(
    [property: Id(0)] bool Sent,
    [property: Id(1)] DateTimeOffset? RetryAt);
