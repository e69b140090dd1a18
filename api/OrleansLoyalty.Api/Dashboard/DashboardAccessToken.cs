using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace OrleansLoyalty.Api.Dashboard;

/// <summary>
/// Browsers cannot put a bearer header on a WebSocket (or server-sent events) request, so the
/// SignalR client sends the token as <c>access_token</c> in the query string; accept it there for
/// the dashboard hub only, after whatever the api's own handler does.
/// </summary>
internal static class DashboardAccessToken
{
    public static void ReadFromQueryString(JwtBearerOptions options)
    {
        options.Events ??= new JwtBearerEvents();
        var inner = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await inner(context);
            if (string.IsNullOrEmpty(context.Token)
                && context.HttpContext.Request.Path.StartsWithSegments(DashboardHub.Path)
                && context.Request.Query["access_token"] is { Count: 1 } token)
            {
                context.Token = token[0];
            }
        };
    }
}
