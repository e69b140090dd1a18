using System.Threading.RateLimiting;

namespace OrleansLoyalty.Api.Hosting;

/// <summary>Limits for the anonymous endpoints, per client address, so a script cannot register or guess at will.</summary>
public static class RateLimits
{
    public const string Registration = "registration";

    /// <summary>Member sign-in (codes and logins): anonymous by nature, so always limited per client address.</summary>
    public const string SignIn = "signIn";

    public static IServiceCollection AddLoyaltyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:RegistrationsPerMinute", 30);
        var signInsPerMinute = configuration.GetValue("RateLimits:SignInsPerMinute", 20);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Registration, context => RateLimitPartition.GetFixedWindowLimiter(
                // Authenticated lanes register on behalf of many shoppers; only anonymous callers are limited per address.
                context.User.Identity?.IsAuthenticated == true ? "authenticated:" + context.User.FindFirst("sub")?.Value : context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = context.User.Identity?.IsAuthenticated == true ? 100_000 : perMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
