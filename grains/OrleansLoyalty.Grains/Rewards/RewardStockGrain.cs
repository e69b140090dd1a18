using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.Rewards;

namespace OrleansLoyalty.Grains.Rewards;

/// <inheritdoc cref="IRewardStockGrain"/>
/// <remarks>
/// The stock is read from the request at each call (the template's replicated value), so raising it takes effect at
/// once. A reservation not confirmed after <see cref="Abandoned"/> is checked with its member when the stock runs
/// out: bought (the confirmation was lost) → confirmed; not bought (the caller died before paying) → released.
/// </remarks>
public sealed class RewardStockGrain(
    [PersistentState("rewardStock", "loyalty")] IPersistentState<RewardStockState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IRewardStockGrain
{
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    private Dictionary<string, RewardReservation> Units => state.State.Units;

    public async Task<bool> Reserve(string txnId, string memberId, int stock)
    {
        if (Units.ContainsKey(txnId))
        {
            return true;
        }
        if (Units.Count >= stock)
        {
            var reclaimed = await ReclaimAbandoned();
            if (Units.Count >= stock)
            {
                if (reclaimed)
                {
                    await state.WriteStateAsync();
                }
                return false;
            }
        }
        Units[txnId] = new RewardReservation(memberId, clock.GetUtcNow(), Confirmed: false);
        await state.WriteStateAsync();
        return true;
    }

    public async Task Confirm(string txnId)
    {
        if (Units.TryGetValue(txnId, out var unit) && !unit.Confirmed)
        {
            Units[txnId] = unit with { Confirmed = true };
            await state.WriteStateAsync();
        }
    }

    public async Task Release(string txnId)
    {
        if (Units.TryGetValue(txnId, out var unit) && !unit.Confirmed)
        {
            Units.Remove(txnId);
            await state.WriteStateAsync();
        }
    }

    public Task<int> Left(int stock) => Task.FromResult(Math.Max(0, stock - Units.Count));

    /// <summary>Settles reservations left waiting too long; true when any changed (the caller writes).</summary>
    private async Task<bool> ReclaimAbandoned()
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var (txnId, unit) in Units.Where(u => !u.Value.Confirmed && now - u.Value.ReservedAt >= Abandoned).ToList())
        {
            changed = true;
            if (await GrainFactory.GetGrain<IMemberGrain>(unit.MemberId).HasExchanged(txnId))
            {
                Units[txnId] = unit with { Confirmed = true };
            }
            else
            {
                Units.Remove(txnId);
            }
        }
        return changed;
    }
}
