using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OrleansLoyalty.Api.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

public sealed class ConsoleEndpointsTests : IAsyncLifetime
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("loyalty-console-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "console", "assets"));
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "console", "index.html"), "<div id=app>console</div>");
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "console", "assets", "index-abc123.js"), "console.log('app')");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = _webRoot });
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.UseLoyaltyConsole();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    [Theory]
    [InlineData("/console/")]
    [InlineData("/console")]
    [InlineData("/console/dashboard")]
    [InlineData("/console/members?memberId=M1")]
    public async Task Console_routes_answer_the_single_page_app(string path)
    {
        var response = await _app.GetTestClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("console", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_are_served_as_files_and_may_be_cached()
    {
        var response = await _app.GetTestClient().GetAsync("/console/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app')", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_not_the_app()
    {
        var response = await _app.GetTestClient().GetAsync("/console/assets/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_root_leads_to_the_console()
    {
        var response = await _app.GetTestClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
    }
}
