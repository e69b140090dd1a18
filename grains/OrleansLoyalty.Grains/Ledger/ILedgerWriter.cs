using OrleansLoyalty.Contracts.Ledger;

namespace OrleansLoyalty.Grains.Ledger;

/// <summary>Appends movements to the durable ledger. Appending an entry that is already there changes nothing.</summary>
public interface ILedgerWriter
{
    Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);
}
