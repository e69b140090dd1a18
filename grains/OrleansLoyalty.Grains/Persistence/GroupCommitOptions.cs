using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Persistence;

/// <summary>How the silo batches its PostgreSQL writes (section <c>Persistence</c>).</summary>
public sealed class GroupCommitOptions
{
    public const string SectionName = "Persistence";

    /// <summary>Rows at most in one statement; bigger batches wait for the next flush.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Flushes of one kind of write in flight at once. One maximises batching; two overlap one batch's fsync with the
    /// next batch's transfer, which lowers latency under load at a small cost in batch size.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentFlushes { get; set; } = 2;
}
