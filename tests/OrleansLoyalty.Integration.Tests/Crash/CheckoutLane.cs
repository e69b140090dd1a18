namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// A lane committing one basket after another, each with a fresh txnId, as fast as the api answers; after a
/// crash it resends every txnId that got no answer, with the same body, as the contract tells lanes to.
/// </summary>
internal sealed class CheckoutLane(int number, ApiHttp http, IReadOnlyList<Shopper> shoppers)
{
    private readonly Random _random = new(number);
    private readonly List<CommitAttempt> _attempts = [];
    private readonly List<string> _quoteFailures = [];
    private int _acknowledged;

    public int Number { get; } = number;

    public IReadOnlyList<CommitAttempt> Attempts => _attempts;

    /// <summary>Quotes answered with anything but 200 or 503: none of these baskets may be refused.</summary>
    public IReadOnlyList<string> QuoteFailures => _quoteFailures;

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
            else if (await NextAttemptAsync() is { } next)
            {
                current = next;
                _attempts.Add(current);
            }
            else
            {
                // The quote got no answer: nothing was committed, try another basket.
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
                continue;
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

    private async Task<CommitAttempt?> NextAttemptAsync()
    {
        var shopper = shoppers[_random.Next(shoppers.Count)];
        var unitPrice = _random.Next(500, 3000);
        var qty = _random.Next(1, 4);
        var laneId = $"{Number:D2}";
        ApiReply quote;
        try
        {
            quote = await http.PostAsync("/api/v1/checkout/quote", Baskets.Quote(shopper.CardNo, unitPrice, qty, laneId));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
        if (quote.Status != System.Net.HttpStatusCode.OK)
        {
            if (quote.Status != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                _quoteFailures.Add(quote.ToString());
            }
            return null;
        }
        var total = quote.Long("total");
        var storedValue = _random.NextInt64(1, total);
        var txnId = $"L{laneId}-{_attempts.Count:D4}-{Guid.NewGuid().ToString("N")[..6]}";
        return new CommitAttempt(txnId, shopper, storedValue, Baskets.Commit(txnId, shopper.CardNo, unitPrice, qty, total, storedValue, laneId));
    }
}
