using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Alicia.Testing;

/// <summary>
/// Temporary directories for brokers and secrets that never outlive the test process: they are
/// removed (and a broker recorded in them killed) at process exit, and directories left behind by
/// a test process that died are cleaned up by the next one.
/// </summary>
internal static class ScratchDirectories
{
    private static readonly string[] Prefixes = ["alicia-broker-", "alicia-secrets-"];
    private const string OwnerFile = "owner.pid";
    private const string ProcessFile = "process.pid";

    private static readonly ConcurrentDictionary<string, byte> Live = new();

    static ScratchDirectories()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var path in Live.Keys)
            {
                Delete(path);
            }
        };
        SweepAbandoned();
    }

    /// <summary>A new directory under the temp folder, traversable by other users (mosquitto drops root to its own user).</summary>
    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        File.WriteAllText(Path.Combine(path, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Live[path] = 0;
        return path;
    }

    /// <summary>Remembers the process running out of this directory, so it can be killed if the test process dies.</summary>
    public static void RecordProcess(string path, int processId) =>
        File.WriteAllText(Path.Combine(path, ProcessFile), processId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Kills the process recorded in the directory (if it still runs from there) and deletes the directory.</summary>
    public static void Delete(string path)
    {
        Live.TryRemove(path, out _);
        KillRecordedProcess(path);
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is harmless and swept by the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void SweepAbandoned()
    {
        foreach (var prefix in Prefixes)
        {
            foreach (var path in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
            {
                if (ReadPid(Path.Combine(path, OwnerFile)) is { } owner && !IsRunning(owner))
                {
                    Delete(path);
                }
            }
        }
    }

    private static void KillRecordedProcess(string path)
    {
        if (ReadPid(Path.Combine(path, ProcessFile)) is not { } pid || !IsRunning(pid))
        {
            return;
        }

        // The pid may have been reused since: only kill a process whose command line names this directory.
        string commandLine;
        try
        {
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return;
        }

        if (!commandLine.Contains(path, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    private static int? ReadPid(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
