using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Alicia.Testing;

/// <summary>
/// A real mosquitto on free loopback ports, configured exactly like the deployment
/// (mosquitto/mosquitto.conf and mosquitto/acl rendered by deploy/render-mosquitto-conf.sh)
/// with secrets from deploy/secrets.sh. Everything lives in one temp directory that is removed,
/// and the broker killed, on dispose or at the latest when the test process exits.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private const int StartAttempts = 3;
    private const string ReloadLine = "Reloading config.";

    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();
    private readonly string _logPath;
    private Process? _process;
    private int _runLogStart;

    private MosquittoBroker(string directory)
    {
        Directory = directory;
        SecretsDirectory = Path.Combine(directory, "secrets");
        DataDirectory = Path.Combine(directory, "data");
        ConfigPath = Path.Combine(directory, "mosquitto.conf");
        _logPath = Path.Combine(directory, "mosquitto.log");
    }

    public string Host { get; } = "127.0.0.1";

    /// <summary>Password listener (the deployment's 1883).</summary>
    public int MqttPort { get; private set; }

    /// <summary>Mutual-TLS listener, certificate CN as username (the deployment's 8883).</summary>
    public int TlsPort { get; private set; }

    /// <summary>Plain websockets on loopback, password auth (the deployment's 9001), path /mqtt.</summary>
    public int WebSocketPort { get; private set; }

    /// <summary>Holds &lt;user&gt;.password, passwd, ca.crt, server.crt/.key and &lt;user&gt;.crt/.key.</summary>
    public string SecretsDirectory { get; }

    /// <summary>The broker's temp directory (config, log, secrets, persistence).</summary>
    public string Directory { get; }

    public string DataDirectory { get; }

    public string ConfigPath { get; }

    /// <summary>The ACL the broker enforces: the repository's mosquitto/acl.</summary>
    public static string AclPath => Repository.File("mosquitto", "acl");

    /// <summary>Whether the broker process is running (false after <see cref="KillAsync"/>).</summary>
    public bool IsRunning => _process is { HasExited: false };

    public static async Task<MosquittoBroker> StartAsync(CancellationToken ct = default)
    {
        var broker = new MosquittoBroker(ScratchDirectories.Create("alicia-broker-"));
        try
        {
            await BrokerSecrets.CopyToAsync(broker.SecretsDirectory, ct).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                await broker.RenderConfigAsync(ct).ConfigureAwait(false);
                try
                {
                    await broker.LaunchAsync(ct).ConfigureAwait(false);
                    return broker;
                }
                catch (InvalidOperationException) when (attempt < StartAttempts && broker.RunLog().Contains("Address already in use", StringComparison.Ordinal))
                {
                    // Another process took a port between FreePort.Next() and mosquitto binding it: new ports, new try.
                }
            }
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The current password of a broker user (read from the secrets, so a rotation shows).</summary>
    public string Password(string user) =>
        File.ReadAllText(Path.Combine(SecretsDirectory, user + ".password")).Trim();

    /// <summary>SIGKILL: no clean shutdown, no final persistence save (changes since the last autosave are lost).</summary>
    public async Task KillAsync()
    {
        if (TakeProcess() is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await WaitForExitAsync(process).ConfigureAwait(false);
    }

    /// <summary>SIGTERM: mosquitto disconnects clients and saves its persistence database before exiting.</summary>
    public async Task StopAsync()
    {
        if (TakeProcess() is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            await Shell.RunCheckedAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
        }

        await WaitForExitAsync(process).ConfigureAwait(false);
    }

    /// <summary>Starts the broker again on the same ports with the same configuration and persistence directory.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is still running; KillAsync first.");
        }

        await LaunchAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// SIGUSR1: mosquitto writes its persistence file now, as its periodic autosave would. A crash after
    /// this keeps sessions and subscriptions made before it. Returns once the file is written.
    /// </summary>
    public async Task SavePersistenceAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The broker is not running.");
        var file = new FileInfo(Path.Combine(DataDirectory, "mosquitto.db"));
        var before = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        await Shell.RunCheckedAsync("kill", ["-USR1", process.Id.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            file.Refresh();
            if (file.Exists && file.LastWriteTimeUtc > before)
            {
                return;
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto did not write {file.FullName} after SIGUSR1.\n{LogText()}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>SIGHUP: mosquitto re-reads the password file and ACL. Returns once it has reloaded.</summary>
    public async Task ReloadAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The broker is not running.");
        var reloadsBefore = CountReloads();
        await Shell.RunCheckedAsync("kill", ["-HUP", process.Id.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);

        // Mosquitto reloads inside its single-threaded main loop right after logging the line, so any
        // connection made after the line appears is authenticated against the new files.
        var deadline = DateTime.UtcNow + StartTimeout;
        while (CountReloads() == reloadsBefore)
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto did not reload after SIGHUP.\n{LogText()}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Everything mosquitto logged since the first start (also in mosquitto.log in <see cref="Directory"/>).</summary>
    public string LogText()
    {
        lock (_logGate)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        ScratchDirectories.Delete(Directory);
    }

    private Process? TakeProcess()
    {
        var process = _process;
        _process = null;
        return process;
    }

    private static async Task WaitForExitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task RenderConfigAsync(CancellationToken ct)
    {
        MqttPort = FreePort.Next();
        TlsPort = FreePort.Next();
        WebSocketPort = FreePort.Next();
        await Shell.RunCheckedAsync("bash",
        [
            Repository.File("deploy", "render-mosquitto-conf.sh"),
            "--out", ConfigPath,
            "--port", MqttPort.ToString(CultureInfo.InvariantCulture),
            "--tls-port", TlsPort.ToString(CultureInfo.InvariantCulture),
            "--ws-port", WebSocketPort.ToString(CultureInfo.InvariantCulture),
            "--secrets", SecretsDirectory,
            "--data", DataDirectory,
            "--acl", AclPath,
            "--bind", Host,
        ], ct).ConfigureAwait(false);
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        lock (_logGate)
        {
            _runLogStart = _log.Length;
        }

        var start = new ProcessStartInfo(MosquittoExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigPath);

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        ScratchDirectories.RecordProcess(Directory, process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        try
        {
            await WaitUntilAcceptingAsync(process, ct).ConfigureAwait(false);
        }
        catch
        {
            await KillAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilAcceptingAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        int[] ports = [MqttPort, TlsPort, WebSocketPort];
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false); // drains the log
                throw new InvalidOperationException(
                    $"mosquitto exited with {process.ExitCode} during start-up (config {ConfigPath}).\n{RunLog()}");
            }

            if (await AllAcceptAsync(ports, ct).ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"mosquitto did not accept connections within {StartTimeout}.\n{RunLog()}");
            }

            await Task.Delay(25, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> AllAcceptAsync(int[] ports, CancellationToken ct)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(Host, port, ct).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.AppendLine(line);
            try
            {
                File.AppendAllText(_logPath, line + Environment.NewLine);
            }
            catch (IOException)
            {
                // The directory is being deleted on dispose; the in-memory copy still has the line.
            }
        }
    }

    private string RunLog()
    {
        lock (_logGate)
        {
            return _log.ToString(_runLogStart, _log.Length - _runLogStart);
        }
    }

    private int CountReloads()
    {
        var text = LogText();
        var count = 0;
        for (var at = text.IndexOf(ReloadLine, StringComparison.Ordinal); at >= 0; at = text.IndexOf(ReloadLine, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
