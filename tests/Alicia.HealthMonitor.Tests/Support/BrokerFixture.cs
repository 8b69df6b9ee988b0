using Alicia.Testing;

namespace Alicia.ServiceTesting;

/// <summary>One real mosquitto (project config, ACL and secrets) per test class.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public MosquittoBroker Broker { get; private set; } = null!;

    public async Task InitializeAsync() => Broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await Broker.DisposeAsync();
}
