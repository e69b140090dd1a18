using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>Reads and checks <c>Database:ConnectionString</c> before anything tries to use it.</summary>
public static class DatabaseConnection
{
    public const string Key = "Database:ConnectionString";

    public static string Require(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupConfigurationException(
                $"{Key} is not set: give it a PostgreSQL connection string (env Database__ConnectionString), e.g. Host=127.0.0.1;Port=55432;Username=loyalty;Password=…;Database=loyalty.");
        }
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.Database))
            {
                throw new StartupConfigurationException($"{Key} must name a Host and a Database.");
            }
        }
        catch (ArgumentException e)
        {
            throw new StartupConfigurationException($"{Key} is not a valid PostgreSQL connection string: {e.Message}");
        }
        return value;
    }
}
