using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// Turns a store gateway's heartbeat into its lanes' online/offline changes on the store's dashboard. The gateway
/// probes the cluster every second; silence longer than <see cref="DashboardOptions.GatewaySilence"/> means the
/// store is cut off (its lanes go on selling offline) and every lane it served is reported offline; the next
/// heartbeat reports them online again. Lanes become known as they sell (<see cref="LaneSeen"/>) and are kept in
/// the grain's state: a lane first seen is one write, once in the store's life.
/// </summary>
public sealed class StoreGatewayGrain(
    [PersistentState("storeGateway", "loyalty")] IPersistentState<StoreGatewayState> state,
    ILoyaltyEventPublisher events,
    IOptions<DashboardOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IStoreGatewayGrain
{
    /// <summary>How often silence is checked: the resolution of "offline", on the silo's own timer.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private DateTimeOffset _lastHeartbeat;

    /// <summary>Runs while the store is online (so the grain stays active to notice the silence); null while offline.</summary>
    private IGrainTimer? _silenceCheck;

    private string StoreId => this.GetPrimaryKeyString();

    public async Task Heartbeat()
    {
        _lastHeartbeat = clock.GetUtcNow();
        if (_silenceCheck is null)
        {
            _silenceCheck = this.RegisterGrainTimer(CheckSilence, new GrainTimerCreationOptions(CheckEvery, CheckEvery) { KeepAlive = true });
            await Tell(state.State.Lanes, online: true);
        }
    }

    public async Task LaneSeen(string laneId)
    {
        if (!state.State.Lanes.Add(laneId))
        {
            return;
        }
        await state.WriteStateAsync();
        if (_silenceCheck is not null)
        {
            await Tell([laneId], online: true);
        }
    }

    private async Task CheckSilence(CancellationToken cancellationToken)
    {
        if (_silenceCheck is null || clock.GetUtcNow() - _lastHeartbeat <= options.Value.GatewaySilence)
        {
            return;
        }
        _silenceCheck.Dispose();
        _silenceCheck = null;
        await Tell(state.State.Lanes, online: false);
    }

    private async Task Tell(IEnumerable<string> lanes, bool online)
    {
        var at = clock.GetUtcNow();
        foreach (var laneId in lanes)
        {
            await events.PublishAsync(new LaneStatusChanged { StoreId = StoreId, LaneId = laneId, Online = online, At = at });
        }
    }
}
