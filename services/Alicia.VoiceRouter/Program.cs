using Alicia.Bus;
using Alicia.VoiceRouter;

var builder = Host.CreateApplicationBuilder(args);
builder.AddAliciaHost("voice-router");
builder.AddVoiceRouter();
await builder.Build().RunAsync();
