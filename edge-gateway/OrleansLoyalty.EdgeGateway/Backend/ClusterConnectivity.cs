using Microsoft.Extensions.Logging;
using OrleansLoyalty.EdgeGateway.Diagnostics;

namespace OrleansLoyalty.EdgeGateway.Backend;

/// <summary>
/// Whether the cluster is believed reachable. Lanes report failures; the monitor reports recovery.
/// Until the first probe answers, lanes wait (<see cref="FirstProbe"/>) so that a restart neither
/// replays into a dead cluster nor shows a healthy one as offline.
/// </summary>
public sealed class ClusterConnectivity(ILogger<ClusterConnectivity> logger)
{
    private readonly TaskCompletionSource _firstProbe = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _reachable;

    public bool IsReachable => _reachable;

    public Task FirstProbe => _firstProbe.Task;

    /// <summary>Raised (on the reporting thread) whenever reachability flips.</summary>
    public event Action<bool>? Changed;

    public void ReportUnreachable(string reason)
    {
        var wasReachable = _reachable;
        _reachable = false;
        _firstProbe.TrySetResult();
        if (wasReachable)
        {
            GatewayLog.ClusterUnreachable(logger, reason);
            Changed?.Invoke(false);
        }
    }

    public void ReportReachable()
    {
        var wasReachable = _reachable;
        _reachable = true;
        _firstProbe.TrySetResult();
        if (!wasReachable)
        {
            Changed?.Invoke(true);
        }
    }
}
