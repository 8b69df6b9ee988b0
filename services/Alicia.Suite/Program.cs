using Alicia.Bus;
using Alicia.Suite;

var builder = Host.CreateApplicationBuilder(args);
var selected = SuiteServices.Select(builder.Configuration["services"] ?? "all");
builder.AddAliciaHost(selected.Count == 1 ? selected[0].Name : "suite");
foreach (var service in selected)
{
    service.Add(builder);
}

await builder.Build().RunAsync();
