using Alicia.Bus;
using Alicia.Tts;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("tts");
builder.AddTts();
await builder.Build().RunAsync();
