namespace Alicia.Dashboard;

/// <summary>The dashboard host's settings, bound from <c>Services:dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string ServiceName = "dashboard";
    public const string Section = "Services:" + ServiceName;

    /// <summary>Where the web server listens. Loopback by default: the page is for the operator of this machine.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The broker's websocket address as the browser must reach it (offered as the default on the login form).</summary>
    public string BrokerUrl { get; set; } = "ws://127.0.0.1:9001/mqtt";

    /// <summary>The broker user offered on the login form.</summary>
    public string User { get; set; } = ServiceName;
}
