using Alicia.Bus;

namespace Alicia.ServiceTesting;

/// <summary>A service that does nothing but what every service does: health, registration, last will, unregister.</summary>
public sealed class ProbeService(BusClientFactory bus, ProbeIdentity identity) : BusServiceWrapper(bus, identity.Service)
{
    protected override IReadOnlyList<string> Capabilities => identity.Capabilities;

    protected override void ConfigureRoutes(BusClient bus)
    {
    }
}
