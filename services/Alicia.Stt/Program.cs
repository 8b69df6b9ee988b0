using Alicia.Bus;
using Alicia.Stt;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("stt");
builder.AddStt();
await builder.Build().RunAsync();
