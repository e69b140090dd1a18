namespace OrleansLoyalty.Contracts.Campaigns;

/// <summary>
/// What a campaign has given away against its <c>Limits.Budget</c> (fen for discount kinds, points for
/// points kinds), keyed by campaign id; once per txnId.
/// </summary>
public interface ICampaignBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes <paramref name="amount"/> from the budget for <paramref name="txnId"/>; a repeat of the same txnId is a
    /// no-op. Throws <c>LoyaltyException</c> <c>campaign.budget_exhausted</c> when less than the amount is left and
    /// <c>campaign.not_found</c> for an unknown campaign. A campaign without a budget accepts anything.
    /// </summary>
    Task Consume(string txnId, long amount);

    /// <summary>Gives back what <paramref name="txnId"/> took (undo, void, return); unknown txnIds are a no-op.</summary>
    Task Release(string txnId);

    /// <summary>Budget left, or null when the campaign has no budget.</summary>
    [AlwaysInterleave]
    Task<long?> Remaining();
}
