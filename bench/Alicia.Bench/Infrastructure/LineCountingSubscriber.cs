using System.Diagnostics;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// A mosquitto_sub process whose output is read in large blocks and only counted (one line per
/// message), so the baseline pays for receiving and printing, not for us parsing.
/// </summary>
public sealed class LineCountingSubscriber : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DeliveryCounter _counter;
    private readonly Task _reading;
    private long _lines;

    private LineCountingSubscriber(Process process, DeliveryCounter counter)
    {
        _process = process;
        _counter = counter;
        _reading = Task.Run(ReadAsync);
    }

    public int ProcessId => _process.Id;

    /// <summary>Every line this subscriber has printed (probes included).</summary>
    public long Lines => Interlocked.Read(ref _lines);

    public static LineCountingSubscriber Start(MosquittoBroker broker, string user, string topic, int qos, DeliveryCounter counter)
    {
        var start = new ProcessStartInfo("mosquitto_sub")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in MosquittoClients.Connection(broker, user, topic, qos))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start mosquitto_sub");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new LineCountingSubscriber(process, counter);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        await _reading;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        var stream = _process.StandardOutput.BaseStream;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var lines = buffer.AsSpan(0, read).Count((byte)'\n');
            if (lines > 0)
            {
                Interlocked.Add(ref _lines, lines);
                _counter.Add(lines);
            }
        }
    }
}
