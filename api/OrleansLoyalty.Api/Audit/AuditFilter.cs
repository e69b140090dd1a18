using OrleansLoyalty.Api.Auth;

namespace OrleansLoyalty.Api.Audit;

/// <summary>
/// Records an endpoint's action once the handler has succeeded, before the answer goes out. A refusal (an exception,
/// or a result of 400 or more) records nothing: nothing happened.
/// </summary>
internal sealed class AuditFilter(string action, Func<EndpointFilterInvocationContext, object?, string?> resource, bool skipMembersOwnData) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 } || (skipMembersOwnData && http.User.IsMemberOnly()))
        {
            return result;
        }
        if (resource(context, result) is { } resolved)
        {
            var storeId = http.Request.RouteValues.TryGetValue("storeId", out var s) ? s as string : null;
            await http.RequestServices.GetRequiredService<AuditTrail>().Record(http.User, action, resolved, storeId);
        }
        return result;
    }
}
