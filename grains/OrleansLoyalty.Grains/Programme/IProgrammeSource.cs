using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Programme;

/// <summary>
/// This silo's local copy of the programme. Reading it is a field read: pricing and earning never wait on
/// storage or on a single grain for the rules.
/// </summary>
public interface IProgrammeSource
{
    Domain.Programme Current { get; }
}
