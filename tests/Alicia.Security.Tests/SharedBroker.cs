using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>One broker per test class (IClassFixture): tests in a class run one after another against it.</summary>
public sealed class SharedBroker : IAsyncLifetime
{
    private MosquittoBroker? _broker;

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("The broker has not started.");

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
