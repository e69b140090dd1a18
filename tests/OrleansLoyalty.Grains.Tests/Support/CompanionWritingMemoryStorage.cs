using Orleans.Storage;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>
/// The product's grain storage semantics in memory: each write stores a serialized copy under a version (the ETag),
/// and the state's <see cref="StateCompanions"/> go to the in-memory ledger, members, checkout and outbox tables in the same
/// step — or, when the checkout they would record is already recorded, nothing is stored at all.
/// </summary>
public sealed class CompanionWritingMemoryStorage(
    IGrainStorageSerializer serializer,
    InMemoryLedger ledger,
    InMemoryMemberFacts facts,
    InMemoryCheckoutStore checkouts,
    InMemoryOutbox outbox) : IGrainStorage
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, GrainId), (BinaryData Payload, int Version)> _rows = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue((stateName, grainId), out var row))
            {
                grainState.State = serializer.Deserialize<T>(row.Payload);
                grainState.ETag = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }
            else
            {
                grainState.State = Activator.CreateInstance<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State);
        var companions = grainState.State as IHasCompanions;
        lock (_gate)
        {
            var current = _rows.TryGetValue((stateName, grainId), out var row) ? row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current != grainState.ETag)
            {
                companions?.Companions.Clear();
                throw new InconsistentStateException($"{stateName} of {grainId} is at version {current ?? "(none)"}, not {grainState.ETag ?? "(none)"}.");
            }
            if (companions?.Companions.Checkout is { } checkout && !checkouts.TryRecord(checkout))
            {
                companions.Companions.Clear();
                throw new CheckoutAlreadyRecordedException(checkout.TxnId);
            }
            if (companions?.Companions.PlannedCheckout is { } planned && !checkouts.TryBeginRow(planned))
            {
                companions.Companions.Clear();
                throw new CheckoutAlreadyRecordedException(planned.TxnId);
            }
            var version = (row.Payload is null ? 0 : row.Version) + 1;
            _rows[(stateName, grainId)] = (payload, version);
            grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
            if (companions is not null)
            {
                ledger.Append(companions.Companions.Ledger);
                if (companions.Companions.Facts is { } memberFacts)
                {
                    facts.Upsert(memberFacts);
                }
                outbox.Append(companions.Companions.Messages);
                companions.Companions.Clear();
            }
        }
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            _rows.Remove((stateName, grainId));
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }
}
