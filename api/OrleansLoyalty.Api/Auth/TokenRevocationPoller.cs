using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Loads the revocations of tokens that can still be alive before the api serves a request (a restarted instance
/// never accepts a revoked token), then reads new ones every <see cref="AuthOptions.RevocationPollMilliseconds"/>:
/// a revocation made on another api instance applies here within that time.
/// </summary>
public sealed partial class TokenRevocationPoller(
    TokenRevocationStore store,
    TokenRevocations revocations,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<TokenRevocationPoller> logger) : BackgroundService
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(1);
    private long _lastSeq;
    private DateTimeOffset _lastForgotten;

    /// <summary>The longest a token lives, and the validator's clock skew: older revocations concern only dead tokens.</summary>
    private TimeSpan Longest => TimeSpan.FromMinutes(Math.Max(options.Value.AccessTokenMinutes, options.Value.DeviceTokenMinutes)) + TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _lastForgotten = clock.GetUtcNow();
        var (rows, last) = await store.Alive(_lastForgotten - Longest, cancellationToken);
        foreach (var (subject, notBefore) in rows)
        {
            revocations.Apply(subject, notBefore);
        }
        _lastSeq = last;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RevocationPollMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var (subject, notBefore, seq) in await store.Since(_lastSeq, stoppingToken))
                {
                    revocations.Apply(subject, notBefore);
                    _lastSeq = seq;
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogPollFailed(logger, e);
            }
            ForgetTheDead();
        }
    }

    /// <summary>Once a minute, revocations whose tokens have all expired leave memory (the rows stay, one per subject).</summary>
    private void ForgetTheDead()
    {
        var now = clock.GetUtcNow();
        if (now - _lastForgotten >= ForgetEvery)
        {
            _lastForgotten = now;
            revocations.Forget((now - Longest).ToUnixTimeMilliseconds());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading token revocations failed; the next poll retries")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
