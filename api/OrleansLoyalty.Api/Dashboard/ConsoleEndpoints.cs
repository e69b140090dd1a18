using Microsoft.Net.Http.Headers;

namespace OrleansLoyalty.Api.Dashboard;

public static class ConsoleEndpoints
{
    /// <summary>
    /// Serves the built web console (wwwroot/console, from deploy/console.sh) at <c>/console/</c>:
    /// files as they are, any other path below it as the single-page app's index.html (its router
    /// decides), and <c>/</c> redirects there. The console's data all comes from the authorised api.
    /// </summary>
    public static WebApplication UseLoyaltyConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Vite names assets by content hash: they never change, so browsers may keep them.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/console/assets"))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                }
            },
        });
        app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
        var index = new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        };
        app.MapFallbackToFile("/console/", "console/index.html", index);
        app.MapFallbackToFile("/console/{**path:nonfile}", "console/index.html", index);
        return app;
    }
}
