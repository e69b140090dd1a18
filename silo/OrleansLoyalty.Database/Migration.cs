using System.Security.Cryptography;
using System.Text;

namespace OrleansLoyalty.Database;

/// <summary>One ordered schema change, identified by its file name (e.g. <c>0001_orleans</c>).</summary>
public sealed record Migration(string Id, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout with CRLF endings does not
    /// look like an edited migration.
    /// </summary>
    public string Checksum { get; } = ComputeChecksum(Sql);

    private static string ComputeChecksum(string sql)
    {
        var normalised = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
