using System.Diagnostics;
using System.Globalization;
using System.Text;
using Alicia.Testing;

namespace Alicia.HealthMonitor.Tests;

/// <summary>
/// A real separate process connected as a service, with the same retained last will a BusServiceWrapper sets:
/// <c>mosquitto_sub</c> with <c>--will-*</c>. Killing it (-9) is a service process dying.
/// </summary>
internal sealed class WillClient : IAsyncDisposable
{
    /// <summary>mosquitto_sub accepts no keep-alive below 5 s.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _output = new();

    private WillClient(Process process)
    {
        _process = process;
    }

    public static async Task<WillClient> StartAsync(MosquittoBroker broker, string user, byte[] willPayload)
    {
        // stdbuf: mosquitto_sub's stdout is a pipe here, and its debug lines must arrive as they happen.
        // stdbuf execs mosquitto_sub, so the process we kill is the client itself.
        var start = new ProcessStartInfo("stdbuf")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-oL", "mosquitto_sub",
            "-h", broker.Host, "-p", broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            "-u", user, "-P", broker.Password(user), "-V", "mqttv5", "-d",
            "-i", $"will-{user}-{Guid.NewGuid():N}",
            "-k", ((int)KeepAlive.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-t", $"alicia/system/config/{user}",
            "--will-topic", $"alicia/system/health/{user}",
            "--will-payload", Encoding.UTF8.GetString(willPayload),
            "--will-qos", "1",
            "--will-retain",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var client = new WillClient(process);
        process.OutputDataReceived += (_, e) => client.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => client.OnLine(e.Data);
        process.Exited += (_, _) => client._subscribed.TrySetException(new InvalidOperationException("mosquitto_sub exited"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await client._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"mosquitto_sub did not subscribe:\n{client.Output}");
        }

        return client;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: the process dies, the kernel closes its socket, the broker publishes the will.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("received SUBACK", StringComparison.Ordinal))
        {
            _subscribed.TrySetResult();
        }
    }
}
