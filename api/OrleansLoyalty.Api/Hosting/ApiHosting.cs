using OrleansLoyalty.Api.Audit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OrleansLoyalty.Api.Administration;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Cards;
using OrleansLoyalty.Api.Checkout;
using OrleansLoyalty.Api.ClusterDashboard;
using OrleansLoyalty.Api.Dashboard;
using OrleansLoyalty.Api.Errors;
using OrleansLoyalty.Api.Json;
using OrleansLoyalty.Api.Members;
using OrleansLoyalty.Api.Reports;
using OrleansLoyalty.Grains;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.Reporting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansLoyalty.Silo.Hosting;
using Scalar.AspNetCore;

namespace OrleansLoyalty.Api.Hosting;

/// <summary>The REST API's services and pipeline: auth, problem details, OpenAPI, health, endpoints.</summary>
public static class ApiHosting
{
    public static WebApplicationBuilder AddLoyaltyApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = DatabaseConnection.Require(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DatabaseConnection.CreateDataSource(connectionString));
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<ValidatedTokenCache>();
        services.TryAddSingleton<TokenRevocations>();
        services.AddSingleton<TokenRevocationStore>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<DeviceDirectory>();
        services.AddHostedService<TokenRevocationPoller>();
        services.AddHostedService<RevokedConnectionCloser>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<LedgerReader>();
        services.AddSingleton<PurchaseReader>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditReader>();
        // Reports read the chain's time zone; the analysis runs here on request also when the api is a pure client.
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.SectionName);
        services.AddOptions<MemberOptions>().BindConfiguration(MemberOptions.SectionName);
        services.TryAddKeyedSingleton<TimeProvider>(LoyaltyClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton<MemberAnalysisRun>();
        services.AddHostedService<AdminBootstrapper>();
        services.AddLoyaltyAdministration();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, ValidatedTokenCache, TokenRevocations>((jwt, auth, validated, revocations) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(validated) { MapInboundClaims = false });
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = TokenService.SigningKey(auth.Value),
                    RoleClaimType = Roles.RoleClaim,
                    NameClaimType = Roles.SubjectClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // SignalR's WebSocket transport sends the token in the query string.
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    // Every request, after the validated-token cache: an account disabled, changed or signed out
                    // everywhere ends its tokens at once (docs/security.md, "Revoking access").
                    OnTokenValidated = context =>
                    {
                        if (context.Principal is { } principal && revocations.IsRevoked(principal))
                        {
                            context.Fail("The token was revoked.");
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder().AddLoyaltyPolicies();

        services.AddLoyaltyProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            ApiJson.ApplyContractConventions(o.SerializerOptions);
            // The checkout bodies are read with compile-time metadata; every other type falls through to reflection.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckoutJsonContext.Default);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddLoyaltyHealthChecks();
        services.AddLoyaltyDashboard();
        services.AddLoyaltyClusterDashboardAccess();
        services.AddLoyaltyRateLimits(builder.Configuration);
        return builder;
    }

    public static WebApplication UseLoyaltyApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseLoyaltyConsole();
        app.MapLoyaltyDashboard();
        app.MapLoyaltyClusterDashboard();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("OrleansLoyalty API")).AllowAnonymous();
        app.MapLoyaltyHealthChecks();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Anyone);
        api.MapAuthApi();
        api.MapStaffApi();
        api.MapTokenRenewalApi();
        api.MapDevicesApi();
        api.MapMembersApi();
        api.MapMemberSignInApi();
        api.MapMemberErasureApi();
        api.MapMemberCodeApi();
        api.MapMemberPhoneApi();
        api.MapMemberWeChatApi();
        api.MapNotificationChannelsApi();
        api.MapPaymentPinApi();
        api.MapMemberPurchasesApi();
        api.MapMemberDataExportApi();
        api.MapAuditApi();
        api.MapReportsApi();
        api.MapMemberAnalysisApi();
        api.MapCardsApi();
        api.MapCheckoutApi();
        api.MapAdministrationApi();
        return app;
    }
}
