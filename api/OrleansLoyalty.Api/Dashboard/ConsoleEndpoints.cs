using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OrleansLoyalty.Api.Dashboard;

public static class ConsoleEndpoints
{
    public const string PathKey = "Console:Path";

    /// <summary>
    /// Serves the built web console (from deploy/console.sh) at <c>/console/</c>: files as they are,
    /// any other path below it as the single-page app's index.html (its router decides), and <c>/</c>
    /// redirects there. The console's data all comes from the authorised api.
    /// </summary>
    public static WebApplication UseLoyaltyConsole(this WebApplication app)
    {
        var folder = FindConsole(app);
        app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
        if (folder is null)
        {
            app.Logger.LogWarning("The web console is not built (run deploy/console.sh); /console/ answers 404");
            return app;
        }
        var files = new PhysicalFileProvider(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/console",
            // Vite names assets by content hash: they never change, so browsers may keep them.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/console/assets"))
                {
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                }
            },
        });
        var index = new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        };
        app.MapFallbackToFile("/console/", "index.html", index);
        app.MapFallbackToFile("/console/{**path:nonfile}", "index.html", index);
        return app;
    }

    /// <summary>
    /// <c>Console:Path</c> if set; else wwwroot/console of the web root or of the binaries; else the
    /// source tree's build output above the binaries (running from bin/ during development and deploy/run.sh).
    /// </summary>
    private static string? FindConsole(WebApplication app)
    {
        var candidates = new List<string?>
        {
            app.Configuration[PathKey],
            app.Environment.WebRootPath is { } webRoot ? Path.Combine(webRoot, "console") : null,
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "console"),
        };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "wwwroot", "console"));
            candidates.Add(Path.Combine(dir.FullName, "api", "OrleansLoyalty.Api", "wwwroot", "console"));
        }
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "index.html")));
    }
}
