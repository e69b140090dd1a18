namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>
/// One line for the writer. <see cref="OnDurable"/> runs on the writer after the fsync that covers
/// the line, in write order. <see cref="Settles"/> marks a line after which its event needs nothing more.
/// </summary>
internal readonly record struct JournalWrite(byte[]? Line, long Seq, bool IsEvent, bool Settles, Action? OnDurable);
