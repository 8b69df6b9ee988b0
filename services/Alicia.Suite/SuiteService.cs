namespace Alicia.Suite;

/// <summary>A service the suite can host, and how to add it to a host.</summary>
public sealed record SuiteService(string Name, Action<IHostApplicationBuilder> Add);
