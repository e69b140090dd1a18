using Microsoft.AspNetCore.Http.Features;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Errors;

/// <summary>
/// Gives every problem document a stable <c>code</c>, also those ASP.NET Core writes itself (401 from the
/// bearer handler, 404 for an unknown route, 415 for a wrong content type).
/// </summary>
public static class ProblemCodes
{
    public static IServiceCollection AddLoyaltyProblemDetails(this IServiceCollection services) =>
        services
            .AddExceptionHandler<LoyaltyExceptionHandler>()
            .AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            {
                var problem = context.ProblemDetails;
                problem.Extensions.TryAdd("code", ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode));
                problem.Instance ??= context.HttpContext.Request.Path;
                problem.Extensions.TryAdd("traceId", context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
            });

    public static string ForStatus(int status) => status switch
    {
        400 or 413 or 415 or 422 => ErrorCodes.RequestInvalid,
        429 => ErrorCodes.RateLimited,
        401 => ErrorCodes.AuthUnauthorized,
        403 => ErrorCodes.AuthForbidden,
        404 or 405 => ErrorCodes.NotFound,
        503 => ErrorCodes.ServiceUnavailable,
        _ when status >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.RequestInvalid,
    };
}
