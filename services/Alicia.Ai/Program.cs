using Alicia.Ai;
using Alicia.Bus;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("ai");
builder.AddAi();
await builder.Build().RunAsync();
