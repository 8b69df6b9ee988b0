using System.Globalization;
using Alicia.Testing;

namespace Alicia.Bench;

/// <summary>
/// What every measurement shares: the sizes, a progress log (stderr, so --json stays clean), and one
/// private mosquitto started on first use with the project's real config, ACL and fresh secrets.
/// </summary>
public sealed class BenchContext(BenchSize size, TextWriter log) : IAsyncDisposable
{
    private MosquittoBroker? _broker;

    public BenchSize Size { get; } = size;

    public void Log(string line) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {line}"));

    public async Task<MosquittoBroker> BrokerAsync(CancellationToken cancellationToken)
    {
        if (_broker is null)
        {
            _broker = await MosquittoBroker.StartAsync(cancellationToken);
            Log($"mosquitto on {_broker.Host}:{_broker.MqttPort} (config {_broker.ConfigPath})");
        }

        return _broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
