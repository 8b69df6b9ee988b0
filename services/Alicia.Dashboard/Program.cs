using Alicia.Bus;
using Alicia.Dashboard;

var builder = WebApplication.CreateBuilder(DashboardHostingExtensions.ApplicationOptions(args));
builder.AddAliciaHost(DashboardOptions.ServiceName);
builder.AddDashboard();
var app = builder.Build();
app.MapDashboard();
await app.RunAsync();
