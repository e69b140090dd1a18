namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// Time from a commit's HTTP answer to the first dashboard message, in each client watching its store, whose
/// figures include it. A store's figures count its transactions, so the k-th commit answered for a store (in
/// answer order) is taken as shown once a client's count for that store reaches base + k, base being the count
/// every watcher's snapshot showed before the run. A figure that shows a commit before its answer arrived
/// counts 0. One histogram per (client, store), merged per scope ("store" or "chain") at the end.
/// </summary>
public sealed class FanOutLatency
{
    private readonly StoreTrack[] _stores;
    private long _messages;

    public FanOutLatency(int stores) => _stores = [.. Enumerable.Range(0, stores).Select(_ => new StoreTrack())];

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>One dashboard message reached a client (a chain update may then show several stores).</summary>
    public void Received() => Interlocked.Increment(ref _messages);

    /// <summary>A client watching <paramref name="store"/> in <paramref name="scope"/>; its snapshot count was <paramref name="snapshotCount"/>.</summary>
    public Watch Watch(string scope, int store, long snapshotCount)
    {
        var track = _stores[store];
        lock (track)
        {
            var watch = new Watch(scope, track) { Shown = snapshotCount };
            track.Watches.Add(watch);
            track.Base = track.Watches.Count == 1 ? snapshotCount : Math.Min(track.Base, snapshotCount);
            return watch;
        }
    }

    /// <summary>The commit for <paramref name="store"/> answered at <paramref name="timestamp"/>.</summary>
    public void Answered(int store, long timestamp, bool measured)
    {
        var track = _stores[store];
        lock (track)
        {
            track.Answers.Add((timestamp, measured));
            var rank = track.Answers.Count;
            foreach (var w in track.Watches)
            {
                if (w.Shown >= track.Base + rank && w.Recorded == rank - 1)
                {
                    if (measured)
                    {
                        w.Histogram.RecordTicks(0);
                    }
                    w.Recorded = rank;
                }
            }
        }
    }

    /// <summary>A message reached <paramref name="watch"/> at <paramref name="timestamp"/> with the store's transaction count.</summary>
    public void Shown(Watch watch, long transactions, long timestamp)
    {
        var track = watch.Track;
        lock (track)
        {
            watch.Shown = Math.Max(watch.Shown, transactions);
            var upTo = Math.Min(watch.Shown - track.Base, track.Answers.Count);
            for (var rank = watch.Recorded + 1; rank <= upTo; rank++)
            {
                var (answeredAt, measured) = track.Answers[(int)rank - 1];
                if (measured)
                {
                    watch.Histogram.RecordTicks(Math.Max(0, timestamp - answeredAt));
                }
            }
            watch.Recorded = Math.Max(watch.Recorded, upTo);
        }
    }

    /// <summary>Measured commits that some watcher of their store never saw (each missing pair once).</summary>
    public long Unseen(string scope)
    {
        long unseen = 0;
        foreach (var track in _stores)
        {
            lock (track)
            {
                foreach (var w in track.Watches.Where(w => w.Scope == scope))
                {
                    for (var rank = w.Recorded + 1; rank <= track.Answers.Count; rank++)
                    {
                        unseen += track.Answers[(int)rank - 1].Measured ? 1 : 0;
                    }
                }
            }
        }
        return unseen;
    }

    public LatencyHistogram Merged(string scope) =>
        LatencyHistogram.Merge(_stores.SelectMany(t => { lock (t) { return t.Watches.Where(w => w.Scope == scope).Select(w => w.Histogram).ToList(); } }));

    public sealed class StoreTrack
    {
        public List<(long At, bool Measured)> Answers { get; } = [];
        public List<Watch> Watches { get; } = [];
        public long Base { get; set; }
    }
}

/// <summary>One client's view of one store.</summary>
public sealed class Watch(string scope, FanOutLatency.StoreTrack track)
{
    public string Scope { get; } = scope;
    public FanOutLatency.StoreTrack Track { get; } = track;
    public LatencyHistogram Histogram { get; } = new();
    public long Shown { get; set; }
    public long Recorded { get; set; }
}
