using Alicia.Bus;
using Alicia.Discovery;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("discovery");
builder.AddDiscovery();
await builder.Build().RunAsync();
