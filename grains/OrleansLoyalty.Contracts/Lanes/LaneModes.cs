namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>The lane modes a display or receipt names.</summary>
public static class LaneModes
{
    public const string Online = "online";
    public const string Offline = "offline";
}
