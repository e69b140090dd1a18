using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>
/// Keeps this silo's <see cref="PricingEngines"/> equal to the rules in PostgreSQL: a full load before the
/// silo becomes active (a restarted silo prices with the saved rules), then a reload of the changed scopes
/// whenever a NOTIFY arrives, and a cheap <c>max(version)</c> poll as the safety net for a missed one.
/// Reloads run here, never on a quote's path; the engines swap atomically. Members' segments from the purchase
/// analysis travel the same way (<see cref="MemberSegments"/>), without rebuilding the engines.
/// </summary>
public sealed partial class RulesReplicator(
    RulesReader reader,
    PricingEngines engines,
    MemberSegments segments,
    NpgsqlDataSource db,
    IOptions<RulesReplicationOptions> options,
    TimeProvider clock,
    ILogger<RulesReplicator> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _nudge = new(0);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Dictionary<string, long> _loaded = new(StringComparer.Ordinal);
    private long _seen = -1;
    private CancellationTokenSource? _stop;
    private Task _loops = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RulesReplicator), ServiceLifecycleStage.ApplicationServices, Start, Stop);

    /// <summary>Runs the replicator in a process without a silo (an api that is only a cluster client): see <see cref="RulesReplicatorService"/>.</summary>
    internal Task StartOutsideSilo(CancellationToken ct) => Start(ct);

    internal Task StopOutsideSilo(CancellationToken ct) => Stop(ct);

    /// <summary>Brings the local rules up to date now; false when nothing had changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var max = await reader.MaxVersionAsync(ct);
            if (max == _seen)
            {
                return false;
            }
            var versions = await reader.VersionsAsync(ct);
            var changed = versions.Where(v => !_loaded.TryGetValue(v.Key, out var loaded) || loaded != v.Value).Select(v => v.Key).ToList();
            var everything = _seen < 0;
            var update = await LoadAsync(changed, everything, ct);
            if (!update.IsEmpty)
            {
                engines.Apply(update);
            }
            if (everything || changed.Contains(RuleScopes.Segments))
            {
                segments.Replace(await reader.MemberSegmentsAsync(ct));
            }
            foreach (var scope in changed)
            {
                _loaded[scope] = versions[scope];
            }
            _seen = versions.Count == 0 ? 0 : versions.Values.Max();
            LogRefreshed(logger, _seen, string.Join(", ", changed));
            return true;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose()
    {
        _stop?.Dispose();
        _nudge.Dispose();
        _refreshing.Dispose();
    }

    private async Task Start(CancellationToken ct)
    {
        await RefreshAsync(ct);
        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        _loops = Task.WhenAll(Task.Run(() => PollLoop(stop), stop), Task.Run(() => ListenLoop(stop), stop));
    }

    private async Task Stop(CancellationToken ct)
    {
        if (_stop is null)
        {
            return;
        }
        await _stop.CancelAsync();
        try
        {
            await _loops.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loops end on cancellation.
        }
    }

    private async Task<RulesUpdate> LoadAsync(IReadOnlyCollection<string> changed, bool everything, CancellationToken ct)
    {
        Domain.Programme? programme = null;
        if (everything || changed.Contains(RuleScopes.Programme))
        {
            programme = (await reader.ProgrammeAsync(ct))?.Programme ?? Domain.Programme.Default;
        }
        var campaigns = everything || changed.Contains(RuleScopes.Campaigns) ? await reader.CampaignsAsync(ct) : null;
        var templates = everything || changed.Contains(RuleScopes.CouponTemplates) ? await reader.CouponTemplatesAsync(ct) : null;
        var stores = everything || changed.Contains(RuleScopes.Stores) ? await reader.StoresAsync(ct) : null;
        Dictionary<string, Catalog>? catalogs = null;
        foreach (var scope in changed)
        {
            if (RuleScopes.IsCatalog(scope, out var storeId))
            {
                catalogs ??= new Dictionary<string, Catalog>(StringComparer.Ordinal);
                catalogs[storeId] = new Catalog(await reader.ProductsAsync(storeId, ct));
            }
        }
        return new RulesUpdate(programme, catalogs, campaigns, templates, stores);
    }

    private async Task PollLoop(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await WaitForNudgeOrPoll(stop);
                await RefreshAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Text.Json.JsonException or TimeoutException or InvalidOperationException)
            {
                LogRefreshFailed(logger, e);
            }
        }
    }

    private async Task WaitForNudgeOrPoll(CancellationToken stop)
    {
        using var poll = new CancellationTokenSource(options.Value.PollInterval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, poll.Token);
        try
        {
            await _nudge.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The poll interval is up.
        }
        while (_nudge.Wait(0))
        {
            // One refresh serves every nudge that arrived meanwhile.
        }
    }

    private async Task ListenLoop(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stop);
                connection.Notification += (_, _) => _nudge.Release();
                await using (var listen = new NpgsqlCommand($"LISTEN {RuleScopes.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                // Anything saved while we were not listening is picked up now rather than at the next poll.
                _nudge.Release();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                LogListenFailed(logger, e);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules refreshed to version {Version} (changed: {Scopes})")]
    private static partial void LogRefreshed(ILogger logger, long version, string scopes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the rules failed; the previous rules stay in effect and the next poll retries")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for rule changes failed; polling continues and the listener reconnects")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
