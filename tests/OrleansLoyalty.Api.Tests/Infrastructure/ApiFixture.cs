namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>One database and one running api (with its silo) for a collection of tests.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public LoyaltyApp App { get; private set; } = null!;

    public LoyaltyClient Admin { get; private set; } = null!;

    public LoyaltySecrets Secrets { get; } = LoyaltySecrets.New();

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        App = new LoyaltyApp(Database.ConnectionString, Secrets, ClusterId);
        Admin = await LoyaltyClient.SignInAsync(App.CreateClient(), "admin", LoyaltyApp.AdminPassword);
    }

    public LoyaltyClient Anonymous() => new(App.CreateClient());

    public async Task DisposeAsync()
    {
        // Either may be missing when start-up failed (no PostgreSQL): the test failures say why, not this.
        if (App is not null) await App.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
