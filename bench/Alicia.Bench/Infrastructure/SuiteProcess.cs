using System.Diagnostics;
using System.Globalization;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>The suite binary (alicia-suite.dll, as ./alicia up runs it) as a child process, and its resident memory.</summary>
public sealed class SuiteProcess : IAsyncDisposable
{
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

    public string Services { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet alicia-suite.dll --services SERVICES</c> in the checkout with the bench settings.</summary>
    public static SuiteProcess Start(string services, SuiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
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

        foreach (var (key, value) in settings.Environment())
        {
            start.Environment[key] = value;
        }

        return new SuiteProcess(services, Process.Start(start) ?? throw new InvalidOperationException("could not start the suite"));
    }

    /// <summary>VmRSS from /proc/{pid}/status, in MB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no VmRSS for the {Services} process");
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
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
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
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
            if (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
