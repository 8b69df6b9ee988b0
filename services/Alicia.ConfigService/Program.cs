using Alicia.Bus;
using Alicia.ConfigService;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("config-service");
builder.AddConfigService();
await builder.Build().RunAsync();
