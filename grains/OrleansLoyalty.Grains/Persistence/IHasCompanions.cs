namespace OrleansLoyalty.Grains.Persistence;

/// <summary>A grain state whose writes carry <see cref="StateCompanions"/> into the same transaction.</summary>
public interface IHasCompanions
{
    StateCompanions Companions { get; }
}
