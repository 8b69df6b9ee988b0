using System.Diagnostics;
using System.Globalization;
using Alicia.Testing;

namespace Alicia.EndToEnd.Tests;

/// <summary>
/// Runs <c>./alicia</c> exactly as a user does, in a run of its own: private run, secrets and data
/// folders and free ports, so it never touches (or is touched by) anything else on the machine.
/// </summary>
public sealed class AliciaScript : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alicia-e2e-").FullName;
    private readonly Dictionary<string, string> _environment;

    public AliciaScript()
    {
        // Temporary folders are private (0700); a root-started mosquitto reads its secrets as the mosquitto user.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        _environment = new Dictionary<string, string>
        {
            ["ALICIA_RUN_DIR"] = Path.Combine(_root, "run"),
            ["ALICIA_SECRETS_DIR"] = Path.Combine(_root, "secrets"),
            ["ALICIA_DATA_DIR"] = Path.Combine(_root, "data"),
            ["ALICIA_MQTT_PORT"] = Port(),
            ["ALICIA_TLS_PORT"] = Port(),
            ["ALICIA_WS_PORT"] = Port(),
            ["ALICIA_DASHBOARD_PORT"] = Port(),
        };
    }

    public string RunDirectory => _environment["ALICIA_RUN_DIR"];

    /// <summary>Sets an environment variable for every run, e.g. a service setting such as <c>Services__stt__...</c>.</summary>
    public AliciaScript With(string variable, string value)
    {
        _environment[variable] = value;
        return this;
    }

    public string Scratch => _root;

    public async Task<ShellResult> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Repository.File("alicia"), .. arguments])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./alicia {string.Join(' ', arguments)} took over {timeout.TotalSeconds:0} s\n{await output}\n{await error}");
        }

        return new ShellResult(process.ExitCode, await output, await error);
    }

    /// <summary>The pids <c>./alicia up</c> recorded, by process name.</summary>
    public Dictionary<string, int> RecordedProcesses() =>
        Directory.GetFiles(Path.Combine(RunDirectory, "pids"), "*.pid")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture));

    public string Logs() =>
        string.Join("\n", Directory.Exists(Path.Combine(RunDirectory, "logs"))
            ? Directory.GetFiles(Path.Combine(RunDirectory, "logs")).Select(f => $"== {Path.GetFileName(f)}\n{Tail(f)}")
            : []);

    public void Dispose()
    {
        // Whatever happened, leave no process behind.
        var pids = Path.Combine(RunDirectory, "pids");
        if (Directory.Exists(pids))
        {
            foreach (var (_, pid) in RecordedProcesses())
            {
                try
                {
                    Process.GetProcessById(pid).Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                }
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Tail(string file) => string.Join("\n", File.ReadLines(file).TakeLast(15));

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
}
