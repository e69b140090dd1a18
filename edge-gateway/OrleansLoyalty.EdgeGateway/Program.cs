using OrleansLoyalty.EdgeGateway;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Options;

var settings = new HostApplicationBuilderSettings { Args = args, Configuration = new ConfigurationManager() };
// Configuration is read once. Reloading on change watches the content root recursively, and a journal kept
// below it (e.g. a checkout's .data/) turned every journal write into file events: ~7 % of the CPU.
settings.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["hostBuilder:reloadConfigOnChange"] = "false" });
var builder = Host.CreateApplicationBuilder(settings);
var mode = builder.Configuration.GetValue($"{GatewayOptions.SectionName}:Cluster:Mode", GatewayClusterMode.Orleans);
if (mode == GatewayClusterMode.Orleans)
{
    builder.Services.AddOrleansLaneBackend();
}
builder.Services.AddEdgeGateway(builder.Configuration);
builder.Build().Run();
