using System.Text.Json;
using Xunit.Abstractions;

namespace Alicia.EndToEnd.Tests;

/// <summary>
/// What a newcomer does: <c>./alicia up</c>, a first conversation by text and by voice, <c>status</c>,
/// <c>down</c> — in both modes — and nothing left running afterwards.
/// </summary>
public sealed class AliciaUpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Verb = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("threads")]
    [InlineData("processes")]
    public async Task Up_then_a_conversation_by_text_and_by_voice_then_down(string mode)
    {
        using var alicia = new AliciaScript();
        var up = await alicia.RunAsync(TimeSpan.FromMinutes(8), "up", "--mode", mode);
        output.WriteLine(up.StandardError);
        Assert.True(up.ExitCode == 0, $"up failed: {up.StandardError}\n{alicia.Logs()}");
        Assert.Contains("Alicia is running", up.StandardOutput, StringComparison.Ordinal);
        var started = alicia.RecordedProcesses();
        Assert.Contains("mosquitto", started.Keys);
        Assert.Equal(mode == "threads" ? 3 : 11, started.Count);

        try
        {
            var ask = await alicia.RunAsync(Verb, "ask", "turn on the kitchen light", "--json");
            Assert.True(ask.ExitCode == 0, $"ask: {ask.StandardError}{ask.StandardOutput}\n{alicia.Logs()}");
            var answer = JsonDocument.Parse(ask.StandardOutput).RootElement;
            Assert.Equal("nominal", answer.GetProperty("reason").GetString());
            Assert.Contains("kitchen light", answer.GetProperty("reply").GetString(), StringComparison.OrdinalIgnoreCase);

            var wav = Path.Combine(alicia.Scratch, "command.wav");
            var say = await alicia.RunAsync(Verb, "say", "turn off the kitchen light", "--out", wav);
            Assert.True(say.ExitCode == 0, say.StandardError);
            Assert.True(new FileInfo(wav).Length > 10_000);

            var listen = await alicia.RunAsync(Verb, "listen", wav, "--json");
            Assert.True(listen.ExitCode == 0, $"listen: {listen.StandardError}{listen.StandardOutput}\n{alicia.Logs()}");
            var heard = JsonDocument.Parse(listen.StandardOutput).RootElement;
            Assert.Equal("turn off the kitchen light", heard.GetProperty("transcript").GetString());
            Assert.Contains("kitchen light", heard.GetProperty("reply").GetString(), StringComparison.OrdinalIgnoreCase);
            output.WriteLine(listen.StandardOutput);

            var status = await alicia.RunAsync(Verb, "status");
            Assert.True(status.ExitCode == 0, status.StandardOutput + status.StandardError);

            if (mode == "processes")
            {
                // One service restarted on its own: a new process, online again, and its devices still known.
                var old = started["device-registry"];
                var restart = await alicia.RunAsync(Verb, "restart", "device-registry");
                Assert.True(restart.ExitCode == 0, $"restart: {restart.StandardError}\n{alicia.Logs()}");
                Assert.Contains("device-registry online", restart.StandardError, StringComparison.Ordinal);
                started = alicia.RecordedProcesses();
                Assert.NotEqual(old, started["device-registry"]);
                Assert.False(AliciaScript.IsAlive(old));
                Assert.True(AliciaScript.IsAlive(started["device-registry"]));
                var again = await alicia.RunAsync(Verb, "ask", "turn on the kitchen light", "--json");
                Assert.True(again.ExitCode == 0, $"ask after restart: {again.StandardError}{again.StandardOutput}\n{alicia.Logs()}");
                Assert.Equal("nominal", JsonDocument.Parse(again.StandardOutput).RootElement.GetProperty("reason").GetString());
            }
        }
        finally
        {
            var down = await alicia.RunAsync(Verb, "down");
            Assert.Equal(0, down.ExitCode);
        }

        Assert.All(started, process => Assert.False(AliciaScript.IsAlive(process.Value), $"{process.Key} ({process.Value}) is still running"));
        var after = await alicia.RunAsync(Verb, "status");
        Assert.NotEqual(0, after.ExitCode);
    }

    [Fact]
    public async Task Up_with_no_devices_says_so_and_runs()
    {
        // The demo devices off and an empty registry: the device list stays empty, and up must still finish.
        using var alicia = new AliciaScript().With("Services__demo-devices__Enabled", "false");
        var up = await alicia.RunAsync(TimeSpan.FromMinutes(8), "up");
        try
        {
            Assert.True(up.ExitCode == 0, $"up failed: {up.StandardError}\n{alicia.Logs()}");
            Assert.Contains("devices        none yet", up.StandardError, StringComparison.Ordinal);
            Assert.Contains("Alicia is running", up.StandardOutput, StringComparison.Ordinal);

            var devices = await alicia.RunAsync(Verb, "devices", "--json");
            Assert.True(devices.ExitCode == 0, devices.StandardError);
            Assert.Equal(0, JsonDocument.Parse(devices.StandardOutput).RootElement.GetArrayLength());
        }
        finally
        {
            Assert.Equal(0, (await alicia.RunAsync(Verb, "down")).ExitCode);
        }
    }
}
