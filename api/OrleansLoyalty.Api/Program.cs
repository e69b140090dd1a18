using OrleansLoyalty.Api.Hosting;
using OrleansLoyalty.Silo.Hosting;

// Before anything opens a socket: .NET reads the setting once, when its first socket starts polling.
InlineSocketCompletions.PreferUnlessSet();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLoyaltyConfiguration();
    builder.AddLoyaltyOrleans();
    builder.AddLoyaltyTelemetry();
    builder.AddLoyaltyApi();

    var app = builder.Build();
    app.UseLoyaltyApi();
    app.Run();
}
catch (Exception e) when (e is StartupConfigurationException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"api: {e.Message}");
    Environment.ExitCode = 2;
}

public partial class Program;
