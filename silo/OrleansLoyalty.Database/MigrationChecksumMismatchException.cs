namespace OrleansLoyalty.Database;

/// <summary>An applied migration's script was edited afterwards: the database no longer matches the code.</summary>
public sealed class MigrationChecksumMismatchException(string migrationId, string appliedChecksum, string embeddedChecksum)
    : InvalidOperationException(
        $"Migration '{migrationId}' was changed after it was applied (applied checksum {appliedChecksum}, " +
        $"this build has {embeddedChecksum}). Never edit an applied migration; add a new numbered one instead.")
{
    public string MigrationId { get; } = migrationId;
}
