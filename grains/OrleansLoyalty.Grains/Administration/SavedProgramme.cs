namespace OrleansLoyalty.Grains.Administration;

/// <summary>A programme as saved: in effect from <see cref="SavedAt"/> until a higher version is saved.</summary>
public sealed record SavedProgramme(long Version, Domain.Programme Programme, DateTimeOffset SavedAt);
