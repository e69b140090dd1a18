using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Tests.Persistence;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_submitted_while_a_flush_is_in_flight_go_together_in_the_next_one()
    {
        var firstFlush = new TaskCompletionSource();
        var batches = new List<IReadOnlyList<int>>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            lock (batches)
            {
                batches.Add(items);
            }
            if (items.Contains(0))
            {
                await firstFlush.Task;
            }
            return items.Select(i => i * 10).ToList();
        }, new GroupCommitOptions { MaxConcurrentFlushes = 1, MaxBatchSize = 100 });

        var first = commit.Submit(0);
        var waiting = Enumerable.Range(1, 50).Select(commit.Submit).ToList();
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        firstFlush.SetResult();

        Assert.Equal(0, await first);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => i * 10), await Task.WhenAll(waiting));
        Assert.Equal(2, batches.Count);
        Assert.Equal(Enumerable.Range(1, 50), batches[1]);
    }

    [Fact]
    public async Task A_batch_never_exceeds_the_maximum_size()
    {
        var gate = new TaskCompletionSource();
        var sizes = new List<int>();
        var commit = new GroupCommit<int, bool>(async items =>
        {
            lock (sizes)
            {
                sizes.Add(items.Count);
            }
            await gate.Task;
            return items.Select(_ => true).ToList();
        }, new GroupCommitOptions { MaxConcurrentFlushes = 1, MaxBatchSize = 8 });

        var all = Enumerable.Range(0, 30).Select(commit.Submit).ToList();
        gate.SetResult();
        await Task.WhenAll(all);

        Assert.Equal(30, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 1, 8));
    }

    [Fact]
    public async Task A_failed_flush_fails_every_write_in_it_and_the_next_batch_still_runs()
    {
        var gate = new TaskCompletionSource();
        var commit = new GroupCommit<int, int>(async items =>
        {
            await gate.Task;
            if (items.Contains(1))
            {
                throw new InvalidOperationException("database gone");
            }
            return items.ToList();
        }, new GroupCommitOptions { MaxConcurrentFlushes = 1 });

        var zero = commit.Submit(0);
        var failing = new[] { commit.Submit(1), commit.Submit(2) };
        gate.SetResult();

        Assert.Equal(0, await zero);
        foreach (var write in failing)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => write);
        }
        Assert.Equal(3, await commit.Submit(3));
    }
}
