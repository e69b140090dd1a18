using Microsoft.Extensions.Time.Testing;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>
/// A fake clock whose reading can be moved years ahead and back for calendar tests. The silo's own timers keep
/// running on the base fake time (a <see cref="FakeTimeProvider"/> may never go backwards); only "now" travels.
/// </summary>
public sealed class TravelClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private TimeSpan _offset;

    /// <summary>The fake time without the travel offset.</summary>
    public DateTimeOffset Base => base.GetUtcNow();

    public void Travel(TimeSpan offset) => _offset = offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
