namespace OrleansLoyalty.Grains.Programme;

/// <summary>Holds the programme in a volatile field; a change replaces the whole immutable value at once.</summary>
public sealed class ProgrammeHolder : IProgrammeSource
{
    private volatile Domain.Programme _current = Domain.Programme.Default;

    public Domain.Programme Current => _current;

    public void Replace(Domain.Programme programme) => _current = programme;
}
