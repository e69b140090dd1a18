using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Orleans.Dashboard;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Api.ClusterDashboard;

/// <summary>
/// Orleans' own dashboard at <c>/admin/orleans/</c>, for admins only: <c>POST /admin/orleans/session</c> (admin
/// bearer) sets the dashboard cookie; the pages and their data calls accept that cookie or an admin bearer
/// token. No credential → 401, another role → 403.
/// </summary>
public static class ClusterDashboardEndpoints
{
    public const string PolicyName = "orleans-dashboard";

    public static IServiceCollection AddLoyaltyClusterDashboardAccess(this IServiceCollection services)
    {
        services.AddOptions<ClusterDashboardAccessOptions>().BindConfiguration(ClusterDashboardAccessOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClusterDashboardSession>();
        services.AddAuthentication().AddJwtBearer(ClusterDashboardSession.Scheme);
        services.AddOptions<JwtBearerOptions>(ClusterDashboardSession.Scheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Value.Issuer,
                ValidAudience = ClusterDashboardSession.Audience(auth.Value),
                IssuerSigningKey = TokenService.SigningKey(auth.Value),
                RoleClaimType = Roles.RoleClaim,
                NameClaimType = Roles.SubjectClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    context.Token = context.Request.Cookies[ClusterDashboardSession.CookieName];
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, p => p
            .AddAuthenticationSchemes(ClusterDashboardSession.Scheme, JwtBearerDefaults.AuthenticationScheme)
            .RequireRole(Roles.Admin));
        return services;
    }

    public static WebApplication MapLoyaltyClusterDashboard(this WebApplication app)
    {
        var enabled = ClusterDashboardOptions.From(app.Configuration).Enabled;
        var session = app.MapGroup(ClusterDashboardSession.Path + "/session").ExcludeFromDescription();
        session.MapPost("", (HttpContext context, ClusterDashboardSession sessions) =>
        {
            if (!enabled)
            {
                throw new LoyaltyException(AdminErrorCodes.OrleansDashboardDisabled,
                    "Orleans' dashboard is off on this cluster; an operator can turn it on with OrleansDashboard:Enabled=true.", 404);
            }
            sessions.Start(context, context.User);
            return TypedResults.Ok(new ClusterDashboardSessionResponse(ClusterDashboardSession.Path + "/", (int)sessions.Lifetime.TotalSeconds));
        }).RequireAuthorization(Policies.Admin);
        // Ending a session needs no credential: it only clears this browser's cookie.
        session.MapDelete("", (HttpContext context) =>
        {
            ClusterDashboardSession.End(context);
            return TypedResults.NoContent();
        }).AllowAnonymous();

        if (!enabled)
        {
            return app;
        }
        var grainState = app.Services.GetRequiredService<IOptions<ClusterDashboardAccessOptions>>().Value.GrainStateInspection;
        app.MapOrleansDashboard(ClusterDashboardSession.Path)
            .RequireAuthorization(PolicyName)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                !grainState && context.HttpContext.Request.Path.Value?.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase) == true
                    ? Results.NotFound()
                    : await next(context));
        return app;
    }
}

public sealed record ClusterDashboardSessionResponse(string Url, int ExpiresIn);
