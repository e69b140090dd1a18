namespace OrleansLoyalty.LaneSimulator;

/// <summary>What the command line asked for.</summary>
/// <param name="Tls">Connect as devices on the store's network do: to the broker's TLS listener.</param>
/// <param name="StoredValueShare">Of the pays whose member can pay from stored value without a PIN, the share that does.</param>
public sealed record SimulationSettings(
    string CredentialsPath,
    IReadOnlyList<string> Stores,
    int? LanesPerStore,
    double Rate,
    TimeSpan Duration,
    long? MaxEvents,
    long CardFrom,
    long CardTo,
    long PhoneFrom,
    long PhoneTo,
    IReadOnlyList<string> Coupons,
    TimeSpan ResponseTimeout,
    int Seed,
    bool Quiet,
    bool Tls = false,
    double StoredValueShare = 0);
