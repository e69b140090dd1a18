using System.Collections.Frozen;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Members;

namespace OrleansLoyalty.Grains.Pricing;

/// <summary>
/// Each member's segment in the last purchase analysis, in this silo's memory, so a quote runs a campaign for
/// <c>at_risk</c> members without a database read or another grain call. <see cref="Administration.RulesReplicator"/>
/// loads it whenever a run (or an erasure) announces the <c>segments</c> scope, and swaps it in with one reference
/// write: a quote sees the previous run or the new one, never waits for a load. About 30 bytes a member.
/// </summary>
public sealed class MemberSegments
{
    private volatile Snapshot _current = Snapshot.Empty;

    /// <summary>The member's segment, or null when the last run did not score them (new since, or erased).</summary>
    public string? Of(string memberId) => _current.Of(memberId);

    public int Count => _current.Count;

    public void Replace(Snapshot snapshot) => _current = snapshot;

    /// <summary>One run's segments. Ids of the usual shape are kept as numbers, a segment as its index.</summary>
    public sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<long, byte>.Empty, FrozenDictionary<string, byte>.Empty);

        private readonly FrozenDictionary<long, byte> _byNumber;
        private readonly FrozenDictionary<string, byte> _byOtherId;

        internal Snapshot(FrozenDictionary<long, byte> byNumber, FrozenDictionary<string, byte> byOtherId)
        {
            _byNumber = byNumber;
            _byOtherId = byOtherId;
        }

        public int Count => _byNumber.Count + _byOtherId.Count;

        public string? Of(string memberId)
        {
            byte index;
            var found = MemberIds.TryParseNumber(memberId, out var number)
                ? _byNumber.TryGetValue(number, out index)
                : _byOtherId.TryGetValue(memberId, out index);
            return found ? Segment.All[index] : null;
        }
    }

    public sealed class Builder
    {
        private readonly Dictionary<long, byte> _byNumber = [];
        private readonly Dictionary<string, byte> _byOtherId = new(StringComparer.Ordinal);

        /// <summary>Adds a member; a segment this code does not know (a newer silo's) is left out.</summary>
        public Builder Add(string memberId, string segment)
        {
            var index = Segment.All.IndexOf(segment);
            if (index < 0)
            {
                return this;
            }
            if (MemberIds.TryParseNumber(memberId, out var number))
            {
                _byNumber[number] = (byte)index;
            }
            else
            {
                _byOtherId[memberId] = (byte)index;
            }
            return this;
        }

        public Snapshot Build() => new(_byNumber.ToFrozenDictionary(), _byOtherId.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
