namespace OrleansLoyalty.Api.Hosting;

/// <summary>The few environment variables the contract names, mapped onto configuration keys.</summary>
public static class LoyaltyConfiguration
{
    public static WebApplicationBuilder AddLoyaltyConfiguration(this WebApplicationBuilder builder)
    {
        var overrides = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("LOYALTY_ADMIN_PASSWORD") is { Length: > 0 } adminPassword)
        {
            overrides["Auth:AdminPassword"] = adminPassword;
        }
        if (Environment.GetEnvironmentVariable("LOYALTY_HTTP_PORT") is { Length: > 0 } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }
}
