using System.Diagnostics;
using System.Globalization;

namespace Alicia.Testing;

/// <summary>
/// The suite binary as <c>./alicia up</c> runs it: <c>dotnet alicia-suite.dll --services SERVICES</c> from the
/// checkout (the binary is built next to the project that references Alicia.Suite), configured through ALICIA_*
/// environment variables. Keeps the last lines it printed for error messages.
/// </summary>
public sealed class SuiteProcess : IAsyncDisposable
{
    private const int KeptLines = 30;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private SuiteProcess(string services, Process process)
    {
        Services = services;
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What was passed to --services: one name, several separated by commas, or "all".</summary>
    public string Services { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static SuiteProcess Start(string services, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "alicia-suite.dll"), "--services", services })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new SuiteProcess(services, Process.Start(start) ?? throw new InvalidOperationException($"could not start the suite for {services}"));
    }

    /// <summary>VmRSS from /proc/{pid}/status, in MB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no VmRSS for the {Services} process");
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed or closed by the services.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
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
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
