using OrleansLoyalty.EdgeGateway;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Options;

var builder = Host.CreateApplicationBuilder(args);
var mode = builder.Configuration.GetValue($"{GatewayOptions.SectionName}:Cluster:Mode", GatewayClusterMode.Orleans);
if (mode == GatewayClusterMode.Orleans)
{
    builder.Services.AddOrleansLaneBackend();
}
builder.Services.AddEdgeGateway(builder.Configuration);
builder.Build().Run();
