using Alicia.Bus;
using Alicia.DemoDevices;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("demo-devices");
builder.AddDemoDevices();
await builder.Build().RunAsync();
