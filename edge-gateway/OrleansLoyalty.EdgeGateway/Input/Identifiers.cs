using System.Text.RegularExpressions;

namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>The identifier grammars of the contract.</summary>
public static partial class Identifiers
{
    /// <summary>storeId / laneId in topics: <c>[A-Za-z0-9_-]{1,32}</c>.</summary>
    public static bool IsTopicId(string? value) => value is not null && TopicId().IsMatch(value);

    /// <summary>Caller-chosen ids (eventId, txnId, codes, card numbers): <c>[A-Za-z0-9_.:-]{1,64}</c>.</summary>
    public static bool IsCallerId(string? value) => value is not null && CallerId().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TopicId();

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CallerId();
}
