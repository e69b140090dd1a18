using Npgsql;

namespace OrleansLoyalty.Database;

/// <summary>Where the product's PostgreSQL database is (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=loyalty;Password=...;Database=loyalty</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Host, port, database and user of a connection string, never the password: safe to log.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host={builder.Host ?? "(none)"} port={builder.Port} database={builder.Database ?? "(default)"} user={builder.Username ?? "(default)"}";
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }

    /// <summary>Returns a one-line reason why the connection string cannot be used, or null when it looks usable.</summary>
    public static string? Problem(string? connectionString)
    {
        const string key = $"{SectionName}:{nameof(ConnectionString)}";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{key} is missing; set it (environment variable Database__ConnectionString), " +
                   "e.g. Host=127.0.0.1;Port=5432;Username=loyalty;Password=...;Database=loyalty";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The parser's message names the offending keyword, never a value: safe to surface.
            return $"{key} is not a valid PostgreSQL connection string: {e.Message.ReplaceLineEndings(" ")}";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return $"{key} has no Host ({Describe(connectionString)})";
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            return $"{key} has no Database ({Describe(connectionString)})";
        }

        return null;
    }
}
