namespace OrleansLoyalty.Domain.Payments;

/// <summary>What a stored-value payment asks of the member's payment PIN.</summary>
[GenerateSerializer, Alias("domain.PinDemand")]
public enum PinDemand
{
    /// <summary>Paid as it is: no PIN is needed.</summary>
    None,
    /// <summary>The member's PIN must be given and right.</summary>
    Required,
    /// <summary>A PIN is needed and the member has none: this payment cannot be made until they set one (or show the card).</summary>
    RequiredButNotSet,
}
