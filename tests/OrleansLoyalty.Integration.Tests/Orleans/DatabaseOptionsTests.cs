using OrleansLoyalty.Database;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("  ", "is missing")]
    [InlineData("Host=127.0.0.1;Port=notaport;Database=x", "not a valid PostgreSQL connection string")]
    [InlineData("Hots=127.0.0.1;Database=x", "not a valid PostgreSQL connection string")]
    [InlineData("Port=5432;Database=x", "has no Host")]
    [InlineData("Host=127.0.0.1;Port=5432", "has no Database")]
    public void Unusable_connection_strings_are_reported_in_one_line(string? connectionString, string expected)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = connectionString! });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
        Assert.StartsWith("Database:ConnectionString", result.FailureMessage);
        Assert.DoesNotContain('\n', result.FailureMessage);
    }

    [Fact]
    public void A_usable_connection_string_passes()
    {
        var result = new DatabaseOptionsValidator().Validate(
            null, new DatabaseOptions { ConnectionString = "Host=127.0.0.1;Port=5432;Username=u;Password=p;Database=d" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Describe_names_host_port_database_and_user_but_never_the_password()
    {
        var description = DatabaseOptions.Describe("Host=db.local;Port=6543;Username=app;Password=s3cr3t-value;Database=loyalty");

        Assert.Equal("host=db.local port=6543 database=loyalty user=app", description);
        Assert.DoesNotContain("s3cr3t", description);
    }
}
