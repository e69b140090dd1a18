using OrleansLoyalty.Contracts.Campaigns;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Campaigns;

/// <inheritdoc cref="ICampaignBudgetGrain"/>
/// <remarks>The budget is read from this silo's replicated campaigns at each call; a campaign without one keeps no state.</remarks>
public sealed class CampaignBudgetGrain(
    [PersistentState("campaignBudget", "loyalty")] IPersistentState<CampaignBudgetState> state,
    PricingEngines rules) : Grain, ICampaignBudgetGrain
{
    private string CampaignId => this.GetPrimaryKeyString();

    public async Task Consume(string txnId, long amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txnId);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var budget = Budget();
        var s = state.State;
        if (budget is null || amount == 0 || s.Consumed.ContainsKey(txnId))
        {
            return;
        }
        if (budget.Value - s.Total < amount)
        {
            throw new LoyaltyException(AdminErrorCodes.CampaignBudgetExhausted,
                $"Campaign {CampaignId} has {Math.Max(0, budget.Value - s.Total)} left of its budget; {amount} is asked.");
        }
        s.Consumed[txnId] = amount;
        s.Total += amount;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            s.Consumed.Remove(txnId);
            s.Total -= amount;
            throw;
        }
    }

    public async Task Release(string txnId)
    {
        var s = state.State;
        if (s.Consumed.Remove(txnId, out var amount))
        {
            s.Total -= amount;
            await state.WriteStateAsync();
        }
    }

    public Task<long?> Remaining()
    {
        var budget = Budget();
        return Task.FromResult(budget is null ? null : (long?)Math.Max(0, budget.Value - state.State.Total));
    }

    private long? Budget()
    {
        var campaign = rules.FindCampaign(CampaignId)
            ?? throw new LoyaltyException(AdminErrorCodes.CampaignNotFound, $"No campaign {CampaignId}.", 404);
        return campaign.Limits.Budget;
    }
}
