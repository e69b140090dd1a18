namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>A store's pricing rules for its edge gateway's offline copy; keyed by storeId, answered from the silo's local rules.</summary>
public interface ILaneRulesGrain : IGrainWithStringKey
{
    Task<LaneRulesSnapshot> GetRules();
}
