namespace OrleansLoyalty.Grains.Persistence;

/// <summary>
/// Group commit: writes submitted while a flush is in flight wait and go to PostgreSQL together in the next one,
/// so N concurrent commits cost one statement and one fsync instead of N. An idle system flushes at once (no timer,
/// no added delay); a busy one batches by itself. Each submitter still hears only after its own row is durable.
/// </summary>
/// <remarks>
/// Flushes run on the thread pool, never on the submitting grain's scheduler: a grain awaiting its write must not be
/// the one that has to run another grain's batch.
/// </remarks>
public sealed class GroupCommit<TItem, TResult>
{
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _flush;
    private readonly GroupCommitOptions _options;
    private readonly Lock _gate = new();
    private List<Pending> _pending = [];
    private int _flushing;

    /// <param name="flush">Writes a batch in one round trip and returns one result per item, in the items' order.</param>
    public GroupCommit(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> flush, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(flush);
        ArgumentNullException.ThrowIfNull(options);
        _flush = flush;
        _options = options;
    }

    public Task<TResult> Submit(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        List<Pending>? batch = null;
        lock (_gate)
        {
            _pending.Add(pending);
            if (_flushing < _options.MaxConcurrentFlushes)
            {
                _flushing++;
                batch = TakeBatch();
            }
        }
        if (batch is not null)
        {
            _ = Task.Run(() => FlushUntilIdle(batch));
        }
        return pending.Completion.Task;
    }

    private async Task FlushUntilIdle(List<Pending> batch)
    {
        while (true)
        {
            await FlushOne(batch);
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushing--;
                    return;
                }
                batch = TakeBatch();
            }
        }
    }

    private async Task FlushOne(List<Pending> batch)
    {
        try
        {
            var results = await _flush(batch.ConvertAll(p => p.Item));
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"A group commit flush returned {results.Count} results for {batch.Count} items.");
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            foreach (var p in batch)
            {
                p.Completion.TrySetException(e);
            }
        }
    }

    private List<Pending> TakeBatch()
    {
        if (_pending.Count <= _options.MaxBatchSize)
        {
            var all = _pending;
            _pending = [];
            return all;
        }
        var first = _pending.GetRange(0, _options.MaxBatchSize);
        _pending.RemoveRange(0, _options.MaxBatchSize);
        return first;
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Completion);
}
