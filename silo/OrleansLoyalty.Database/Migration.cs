using System.Security.Cryptography;
using System.Text;

namespace OrleansLoyalty.Database;

/// <summary>One ordered schema change, identified by its file name (e.g. <c>0001_orleans</c>).</summary>
public sealed record Migration(string Id, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout with CRLF endings does not
    /// look like an edited migration.
    /// Computed on each read, not stored, so a copy made with <c>with { Sql = ... }</c> cannot keep a stale checksum.
    /// </summary>
    public string Checksum => ComputeChecksum(Sql);

    private static string ComputeChecksum(string sql)
    {
        var normalised = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
