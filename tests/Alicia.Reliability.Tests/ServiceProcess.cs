using System.Diagnostics;
using System.Globalization;
using Alicia.Testing;

namespace Alicia.Reliability.Tests;

/// <summary>
/// One service as processes mode runs it: <c>dotnet alicia-suite.dll --services NAME</c> (the suite binary is
/// built next to the tests), pointed at a test broker and a data folder through ALICIA_* variables, as
/// <c>./alicia up --mode processes</c> does. <see cref="KillAsync"/> is kill -9.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServiceProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(MosquittoBroker broker, string service, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "alicia-suite.dll"), "--services", service })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ALICIA_CONFIG"] = Repository.File("config", "alicia.json");
        start.Environment["ALICIA_Bus__Host"] = broker.Host;
        start.Environment["ALICIA_Bus__Port"] = broker.MqttPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["ALICIA_Bus__SecretsDirectory"] = broker.SecretsDirectory;
        start.Environment["ALICIA_Bus__HealthInterval"] = "00:00:02";
        start.Environment["ALICIA_Bus__KeepAlive"] = "00:00:05";
        start.Environment["ALICIA_Services__ai__DataDirectory"] = Path.Combine(dataDirectory, "ai");
        start.Environment["ALICIA_Services__device-registry__DataDirectory"] = Path.Combine(dataDirectory, "device-registry");
        return new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {service}"));
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed or closed by the service.</summary>
    public async Task KillAsync()
    {
        _process.Kill(); // SIGKILL on Linux
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public string LastOutput()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 30)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
