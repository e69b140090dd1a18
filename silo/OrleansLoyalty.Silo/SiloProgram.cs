using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Database;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Silo;

/// <summary>
/// A standalone silo (<c>dotnet OrleansLoyalty.Silo.dll</c>), or the schema migration
/// (<c>dotnet OrleansLoyalty.Silo.dll migrate</c>) that the run and test scripts call before anything starts.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Before anything opens a socket: .NET reads the setting once, when its first socket starts polling.
        InlineSocketCompletions.PreferUnlessSet();
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != "migrate").ToArray());
        try
        {
            if (args.Contains("migrate"))
            {
                return await Migrate(builder);
            }
            builder.UseOrleans(silo => silo.AddLoyaltySilo(builder.Configuration));
            await builder.Build().RunAsync();
            return 0;
        }
        catch (Exception e) when (e is StartupConfigurationException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"silo: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> Migrate(HostApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        return await MigrateCommand.RunAsync(builder.Configuration[DatabaseConnection.Key], loggerFactory.CreateLogger("migrate"), CancellationToken.None);
    }
}
