namespace Alicia.Dashboard;

/// <summary>What the page asks the server at start-up (<c>/config.json</c>): the defaults for its login form.</summary>
public sealed record ClientConfig(string BrokerUrl, string User);
