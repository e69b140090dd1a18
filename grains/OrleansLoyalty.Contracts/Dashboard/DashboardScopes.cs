namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>Scope names shared by grains, the hub and the console.</summary>
public static class DashboardScopes
{
    public const string Store = "store";
    public const string Chain = "chain";

    /// <summary>Key of the single chain-wide dashboard grain and of its update stream.</summary>
    public const string ChainKey = "chain";
}
