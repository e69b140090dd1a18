using System.Text.RegularExpressions;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>The chain, or one store: what a connection watches and what a SignalR group is named after.</summary>
public readonly partial record struct DashboardScope(string Kind, string Key)
{
    public static readonly DashboardScope Chain = new(DashboardScopes.Chain, DashboardScopes.ChainKey);

    public static DashboardScope ForStore(string storeId) => new(DashboardScopes.Store, storeId);

    public bool IsChain => Kind == DashboardScopes.Chain;

    public string GroupName => $"dashboard:{Kind}:{Key}";

    /// <summary>Store ids follow the contract's identifier rule: 1–64 of [A-Za-z0-9_.:-].</summary>
    public static bool IsValidStoreId(string? storeId) => storeId is not null && StoreIdPattern().IsMatch(storeId);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex StoreIdPattern();
}
