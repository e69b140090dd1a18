namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The tier of members whose card or phone this gateway has seen accepted online, so that a regular
/// swiping during an outage still gets their tier discount offline. In memory only and bounded: the
/// oldest entries go first; a member not found here is priced as an anonymous shopper.
/// </summary>
public sealed class OfflineMemberTiers
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _tiers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Remember(string identifier, string tierId)
    {
        lock (_gate)
        {
            if (_tiers.ContainsKey(identifier))
            {
                _tiers[identifier] = tierId;
                return;
            }
            if (_tiers.Count >= Capacity && _order.TryDequeue(out var oldest))
            {
                _tiers.Remove(oldest);
            }
            _tiers[identifier] = tierId;
            _order.Enqueue(identifier);
        }
    }

    public string? Find(string identifier)
    {
        lock (_gate)
        {
            return _tiers.GetValueOrDefault(identifier);
        }
    }

    public static string CardKey(string cardNo) => "card:" + cardNo;

    public static string PhoneKey(string phone) => "phone:" + phone;
}
