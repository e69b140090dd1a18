using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansLoyalty.Api.Hosting;

/// <summary>Declares the bearer scheme in the OpenAPI document so the reference page can send tokens.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "OrleansLoyalty API";
        document.Info.Description = "Lane-facing and back-office REST API. Money is integer fen; errors are RFC 9457 problem details with a stable `code`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "POST /api/v1/auth/token, then send `Authorization: Bearer <accessToken>`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
