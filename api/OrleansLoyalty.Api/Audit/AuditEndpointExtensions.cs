using System.Text.RegularExpressions;

namespace OrleansLoyalty.Api.Audit;

public static partial class AuditEndpointExtensions
{
    /// <summary>
    /// Records <paramref name="action"/> on the resource named by <paramref name="resourceTemplate"/>, whose
    /// <c>{name}</c> parts are the route's values (<c>"campaign/{campaignId}"</c>).
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, string resourceTemplate) =>
        builder.Audited(action, (context, _) => FillTemplate(resourceTemplate, context.HttpContext.Request.RouteValues));

    /// <summary>Records <paramref name="action"/> on the resource the request or the answer names (null: none, nothing recorded).</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, Func<EndpointFilterInvocationContext, object?, string?> resource) =>
        builder.AddEndpointFilter(new AuditFilter(action, resource, skipMembersOwnData: false));

    /// <summary>
    /// Records a read of personal data by anyone but the member themself (staff, lanes): a member reading their own
    /// profile is not an event worth keeping, a manager reading it is.
    /// </summary>
    public static RouteHandlerBuilder AuditedRead(this RouteHandlerBuilder builder, string action, string resourceTemplate) =>
        builder.AddEndpointFilter(new AuditFilter(action, (context, _) => FillTemplate(resourceTemplate, context.HttpContext.Request.RouteValues), skipMembersOwnData: true));

    /// <summary>The handler's first argument of type <typeparamref name="T"/> (the request body, typically).</summary>
    public static T Argument<T>(this EndpointFilterInvocationContext context) => context.Arguments.OfType<T>().First();

    private static string FillTemplate(string template, RouteValueDictionary values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "");

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
