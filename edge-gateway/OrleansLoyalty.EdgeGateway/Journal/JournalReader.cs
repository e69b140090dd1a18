using System.Text.Json;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Json;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>Reads a journal folder back at start: snapshot first, then every segment in order.</summary>
internal sealed class JournalReader(string directory, Func<string, EventIdWindow> windowFor)
{
    private readonly SortedDictionary<long, (JournaledEvent Event, PendingEventState State, long? OfflineTotal, long Segment)> _pending = [];
    private readonly Dictionary<string, long> _displaySeq = new(StringComparer.Ordinal);

    public long NextSeq { get; private set; } = 1;

    /// <summary>Pending events and the segment each lives in (so that the segment is kept until they are delivered).</summary>
    public IEnumerable<(JournaledEvent Event, long Segment)> Pending => _pending.Values.Select(p => (p.Event, p.Segment));

    public JournalRecovery Read(IReadOnlyList<long> segments)
    {
        var recovery = new JournalRecovery();
        ReadSnapshot();
        for (var i = 0; i < segments.Count; i++)
        {
            recovery.TornRecordsDropped += ReadSegment(segments[i], isLast: i == segments.Count - 1);
        }
        foreach (var (journaled, state, offlineTotal, _) in _pending.Values)
        {
            if (!recovery.PendingByLane.TryGetValue(journaled.LaneId, out var list))
            {
                recovery.PendingByLane[journaled.LaneId] = list = [];
            }
            list.Add(new PendingEvent(journaled, state, offlineTotal));
        }
        foreach (var (lane, seq) in _displaySeq)
        {
            recovery.DisplaySeqByLane[lane] = seq;
        }
        return recovery;
    }

    private void ReadSnapshot()
    {
        var path = JournalFiles.Snapshot(directory);
        if (!File.Exists(path))
        {
            return;
        }
        var snapshot = JsonSerializer.Deserialize<JournalSnapshot>(File.ReadAllBytes(path), GatewayJson.Options);
        if (snapshot is null)
        {
            return;
        }
        NextSeq = Math.Max(NextSeq, snapshot.NextSeq);
        foreach (var (lane, laneSnapshot) in snapshot.Lanes)
        {
            var window = windowFor(lane);
            foreach (var id in laneSnapshot.Seen ?? [])
            {
                window.TryAdd(id);
            }
            foreach (var text in laneSnapshot.SeenKeys)
            {
                if (EventIdKey.TryParse(text, out var key))
                {
                    window.TryAdd(key);
                }
            }
            _displaySeq[lane] = laneSnapshot.DisplaySeq;
        }
    }

    /// <summary>Applies one segment; returns how many torn lines were cut off its end.</summary>
    private int ReadSegment(long index, bool isLast)
    {
        var path = JournalFiles.Segment(directory, index);
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        while (position < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            var record = newline < 0 ? null : TryDeserialize(bytes.AsSpan(position, newline - position));
            if (record is null)
            {
                if (isLast)
                {
                    // A crash can only tear the tail; whatever follows is not trustworthy either.
                    using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                    file.SetLength(position);
                    file.Flush(flushToDisk: true);
                    return 1;
                }
                position = newline < 0 ? bytes.Length : newline + 1;
                continue;
            }
            Apply(record, index);
            position = newline + 1;
        }
        return 0;
    }

    private static JournalRecord? TryDeserialize(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalRecord>(line, GatewayJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Apply(JournalRecord record, long segment)
    {
        NextSeq = Math.Max(NextSeq, record.Seq + 1);
        switch (record.T)
        {
            case JournalRecord.EventType when record.Ev is not null:
                windowFor(record.Ev.LaneId).TryAdd(record.Ev.EventId);
                _pending[record.Seq] = (new JournaledEvent(record.Seq, record.Ev, 0), PendingEventState.Unapplied, null, segment);
                break;
            case JournalRecord.AppliedType:
                if (record.Lane is not null)
                {
                    _displaySeq[record.Lane] = Math.Max(_displaySeq.GetValueOrDefault(record.Lane), record.Ds ?? 0);
                }
                if (_pending.TryGetValue(record.Seq, out var entry))
                {
                    if (record.Done == true)
                    {
                        _pending.Remove(record.Seq);
                    }
                    else
                    {
                        _pending[record.Seq] = entry with { State = PendingEventState.AppliedOffline, OfflineTotal = record.OfflineTotal };
                    }
                }
                break;
            case JournalRecord.DeliveredType:
                _pending.Remove(record.Seq);
                break;
        }
    }
}
