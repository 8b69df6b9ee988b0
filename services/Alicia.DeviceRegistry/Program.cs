using Alicia.Bus;
using Alicia.DeviceRegistry;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("device-registry");
builder.AddDeviceRegistry();
await builder.Build().RunAsync();
