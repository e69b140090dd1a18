namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// A lane committing one basket after another, each with a fresh txnId, as fast as the api answers; after a
/// crash it resends every txnId that got no answer, with the same body, as the contract tells lanes to.
/// </summary>
internal sealed class CheckoutLane(int number, ApiHttp http, IReadOnlyList<Shopper> shoppers)
{
    private readonly Random _random = new(number);
    private readonly List<CommitAttempt> _attempts = [];
    private int _acknowledged;

    public int Number { get; } = number;

    public IReadOnlyList<CommitAttempt> Attempts => _attempts;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Like a real lane, does not start the next basket while the current one has no answer.</summary>
    public async Task CommitUntilAsync(CancellationToken stop)
    {
        CommitAttempt? current = null;
        while (!stop.IsCancellationRequested)
        {
            if (current is { Outcome: CommitOutcome.NoAnswer })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
            }
            else
            {
                current = NextAttempt();
                _attempts.Add(current);
            }
            await SendAsync(current);
            if (current.Outcome == CommitOutcome.Committed)
            {
                Interlocked.Increment(ref _acknowledged);
            }
        }
    }

    /// <summary>Resends every unanswered txnId until it is answered; gives up on one at the deadline.</summary>
    public async Task RetryUnansweredAsync(TimeSpan within)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        foreach (var attempt in _attempts.Where(a => a.Outcome == CommitOutcome.NoAnswer))
        {
            while (clock.GetElapsedTime(started) < within)
            {
                await SendAsync(attempt);
                if (attempt.Outcome != CommitOutcome.NoAnswer)
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), clock);
            }
        }
    }

    private async Task SendAsync(CommitAttempt attempt)
    {
        try
        {
            attempt.Heard(await http.PostAsync("/api/v1/checkout/commit", attempt.Body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            attempt.HeardNothing(e);
        }
    }

    private CommitAttempt NextAttempt()
    {
        var shopper = shoppers[_random.Next(shoppers.Count)];
        var unitPrice = _random.Next(500, 3000);
        var qty = _random.Next(1, 4);
        var storedValue = _random.Next(1, (int)(unitPrice * qty));
        var txnId = $"L{Number:D2}-{_attempts.Count:D4}-{Guid.NewGuid().ToString("N")[..6]}";
        return new CommitAttempt(txnId, shopper, storedValue, Baskets.Commit(txnId, shopper.CardNo, unitPrice, qty, storedValue, $"{Number:D2}"));
    }
}
