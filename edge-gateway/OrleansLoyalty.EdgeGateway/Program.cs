using OrleansLoyalty.EdgeGateway;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddEdgeGateway(builder.Configuration);
builder.Build().Run();
