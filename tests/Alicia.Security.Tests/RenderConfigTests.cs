using System.Globalization;
using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>deploy/render-mosquitto-conf.sh: the local copy differs from the real config only in ports, addresses and paths.</summary>
public sealed class RenderConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alicia-render-test-").FullName;

    public RenderConfigTests()
    {
        // Run as root, the script checks that the mosquitto user can reach the files, as the broker will need to.
        File.SetUnixFileMode(_directory, (UnixFileMode)0b111_001_001);
    }

    [Fact]
    public async Task The_local_copy_keeps_every_setting_and_rewrites_only_ports_addresses_and_paths()
    {
        var rendered = await RenderAsync();
        var real = Settings(File.ReadAllLines(Repository.File("mosquitto", "mosquitto.conf")));

        var expected = real
            .Select(line => line
                .Replace("listener 1883", "listener 11883 127.0.0.1", StringComparison.Ordinal)
                .Replace("listener 8883", "listener 18883 127.0.0.1", StringComparison.Ordinal)
                .Replace("listener 9001", "listener 19001 127.0.0.1", StringComparison.Ordinal)
                .Replace("/mosquitto/secrets/", Path.Combine(_directory, "secrets") + "/", StringComparison.Ordinal)
                .Replace("/mosquitto/data/", Path.Combine(_directory, "data") + "/", StringComparison.Ordinal)
                .Replace("/mosquitto/config/acl", MosquittoBroker.AclPath, StringComparison.Ordinal))
            .Where((line, index) => !IsWebSocketTls(real, index))
            .ToList();
        Assert.Equal(expected, Settings(rendered));
        Assert.Contains("allow_anonymous false", rendered);
        Assert.Contains("require_certificate true", rendered);
    }

    [Fact]
    public async Task Websocket_tls_is_kept_on_request()
    {
        var rendered = Settings(await RenderAsync("--ws-tls"));

        var websocket = rendered.SkipWhile(l => !l.StartsWith("listener 19001", StringComparison.Ordinal)).ToList();
        Assert.Contains(websocket, l => l.StartsWith("certfile ", StringComparison.Ordinal));
        Assert.Contains(websocket, l => l.StartsWith("keyfile ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_secrets_are_reported_with_the_command_that_makes_them()
    {
        var result = await Shell.RunAsync("bash",
        [
            Repository.File("deploy", "render-mosquitto-conf.sh"), "--out", Path.Combine(_directory, "m.conf"),
            "--port", "1", "--tls-port", "2", "--ws-port", "3", "--secrets", Path.Combine(_directory, "none"), "--data", Path.Combine(_directory, "data"),
        ]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("deploy/secrets.sh", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "m.conf")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string[]> RenderAsync(params string[] extra)
    {
        var secrets = Path.Combine(_directory, "secrets");
        Directory.CreateDirectory(secrets, (UnixFileMode)0b111_101_101);
        foreach (var file in new[] { "passwd", "ca.crt", "server.crt", "server.key" })
        {
            await File.WriteAllTextAsync(Path.Combine(secrets, file), "placeholder");
        }

        var output = Path.Combine(_directory, "mosquitto.conf");
        await Shell.RunCheckedAsync("bash",
        [
            Repository.File("deploy", "render-mosquitto-conf.sh"), "--out", output,
            "--port", "11883", "--tls-port", "18883", "--ws-port", "19001",
            "--secrets", secrets, "--data", Path.Combine(_directory, "data"), "--acl", MosquittoBroker.AclPath, .. extra,
        ]);
        return await File.ReadAllLinesAsync(output);
    }

    private static List<string> Settings(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>Without --ws-tls the websockets listener (the last block) loses its TLS lines.</summary>
    private static bool IsWebSocketTls(List<string> real, int index)
    {
        var websocketStart = real.FindIndex(l => l == "listener 9001");
        var key = real[index].Split(' ')[0];
        return index > websocketStart && key is "certfile" or "keyfile" or "cafile" or "tls_version";
    }
}
