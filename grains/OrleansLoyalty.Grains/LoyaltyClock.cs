namespace OrleansLoyalty.Grains;

/// <summary>
/// The clock the product's grains and services read, as a keyed service. In a silo it is the same
/// <see cref="TimeProvider"/> as everything else; tests give the grains a fake clock under this key while
/// Orleans' own timers (membership, gateways, reminders) keep running on real time.
/// </summary>
public static class LoyaltyClock
{
    public const string Key = "loyalty-clock";
}
