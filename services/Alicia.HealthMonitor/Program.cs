using Alicia.Bus;
using Alicia.HealthMonitor;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("health-monitor");
builder.AddHealthMonitor();
await builder.Build().RunAsync();
