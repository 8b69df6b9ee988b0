using System.Globalization;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>
/// kill -9 of a service process (processes mode) right after it accepted a change: the device registry's
/// SQLite store and the AI's timers file are on disk, and the restarted process picks them up.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private MosquittoBroker _broker = null!;
    private string _data = "";

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync();
        _data = Directory.CreateTempSubdirectory("alicia-crash-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_device_added_just_before_a_kill_9_of_the_registry_is_still_there_after_the_restart()
    {
        var crashes = Scale.Pick(1, 5);
        await using var watcher = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli,
            [Topics.Health.Of(ServiceNames.DeviceRegistry), Topics.Devices.List]);
        await using var cli = await Clients.Create(_broker, ServiceNames.Cli).StartAsync();
        var registry = StartService(ServiceNames.DeviceRegistry);
        try
        {
            await WaitOnlineAsync(watcher, ServiceNames.DeviceRegistry, registry);
            for (var crash = 1; crash <= crashes; crash++)
            {
                var id = $"crash_lamp_{crash}";
                await cli.SendCommandAsync<JsonElement, JsonElement>(Topics.Registry.Add,
                    JsonElement.Parse($$$"""{"id":"{{{id}}}","name":"Crash Lamp {{{Words(crash)}}}","type":"light","mqtt":{"cmd_t":"cmnd/{{{id}}}/POWER"}}"""));
                await registry.KillAsync();
                Assert.Equal(137, registry.ExitCode); // 128 + SIGKILL
                await watcher.WaitForAsync(m => m.Topic == Topics.Health.Of(ServiceNames.DeviceRegistry) && Status(m) == "offline", TimeSpan.FromSeconds(15));

                // The broker still holds the list the dead process published: clear it, so a list can only come from the new process's store.
                await ClearRetainedAsync(ServiceNames.DeviceRegistry, Topics.Devices.List);
                var mark = watcher.Messages.Count;
                await registry.DisposeAsync();
                registry = StartService(ServiceNames.DeviceRegistry);
                await WaitOnlineAsync(watcher, ServiceNames.DeviceRegistry, registry, mark);

                var list = await WaitAfterAsync(watcher, mark, m => m.Topic == Topics.Devices.List && m.Payload.Length > 0);
                var ids = JsonDocument.Parse(list.Payload).RootElement.GetProperty("payload").GetProperty("devices").EnumerateArray()
                    .Select(d => d.GetProperty("id").GetString()).ToList();
                Assert.Equal(Enumerable.Range(1, crash).Select(n => $"crash_lamp_{n}"), ids.Order(StringComparer.Ordinal));
                var updated = await cli.SendCommandAsync<JsonElement, JsonElement>(Topics.Registry.Update, JsonElement.Parse($$"""{"id":"{{id}}","area":"Hall"}"""));
                Assert.Equal("Hall", updated.GetProperty("area").GetString());
            }

            var report = $"device added, then kill -9 of the device-registry process, {crashes} time(s): every device listed from the SQLite store after each restart and still updatable";
            output.WriteLine(report);
            Scale.Report("kill -9 of the device registry", report);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Timers_set_just_before_a_kill_9_of_the_ai_fire_and_are_listed_after_the_restart()
    {
        await using var watcher = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli,
            [Topics.Health.Of(ServiceNames.Ai), Topics.Ai.Response, Topics.Ai.Context]);
        await using var cli = await Clients.Create(_broker, ServiceNames.Cli).StartAsync();
        var ai = StartService(ServiceNames.Ai);
        try
        {
            await WaitOnlineAsync(watcher, ServiceNames.Ai, ai);
            Assert.Contains("Timer set", (await AskAsync(cli, watcher, "set a timer for 3 seconds")).Reply, StringComparison.Ordinal);
            Assert.Contains("Timer set", (await AskAsync(cli, watcher, "set a timer for 1 hour")).Reply, StringComparison.Ordinal);
            var setAt = DateTime.UtcNow;
            await ai.KillAsync();
            Assert.Equal(137, ai.ExitCode);
            Assert.DoesNotContain(watcher.Messages, m => m.Topic == Topics.Ai.Context && Event(m) == "timer_fired");

            var file = Path.Combine(_data, "ai", "timers.json");
            Assert.Equal(2, JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetArrayLength());

            // The short timer falls due while the service is down; it must fire when the service is back.
            var due = setAt + TimeSpan.FromSeconds(3.5) - DateTime.UtcNow;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var mark = watcher.Messages.Count;
            await ai.DisposeAsync();
            ai = StartService(ServiceNames.Ai);
            await WaitOnlineAsync(watcher, ServiceNames.Ai, ai, mark);
            var fired = await watcher.WaitForAsync(m => m.Topic == Topics.Ai.Context && Event(m) == "timer_fired", StartTimeout);
            Assert.Equal(3, JsonDocument.Parse(fired.Payload).RootElement.GetProperty("payload").GetProperty("timer").GetProperty("duration_seconds").GetInt32());

            var status = await AskAsync(cli, watcher, "what timers are running");
            Assert.Contains("hour timer has", status.Reply, StringComparison.Ordinal);
            var report = $"two timers set, then kill -9 of the ai process: the 3 s timer that fell due while it was down fired right after the restart, " +
                         $"the 1 h timer was listed (\"{status.Reply}\")";
            output.WriteLine(report);
            Scale.Report("kill -9 of the AI (timers)", report);
        }
        finally
        {
            await ai.DisposeAsync();
        }
    }

    /// <summary>One service as processes mode runs it, pointed at the test broker and this test's data folder.</summary>
    private SuiteProcess StartService(string service) => SuiteProcess.Start(service, new Dictionary<string, string?>
    {
        ["ALICIA_CONFIG"] = Repository.File("config", "alicia.json"),
        ["ALICIA_Bus__Host"] = _broker.Host,
        ["ALICIA_Bus__Port"] = _broker.MqttPort.ToString(CultureInfo.InvariantCulture),
        ["ALICIA_Bus__SecretsDirectory"] = _broker.SecretsDirectory,
        ["ALICIA_Bus__HealthInterval"] = "00:00:02",
        ["ALICIA_Bus__KeepAlive"] = "00:00:05",
        ["ALICIA_Services__ai__DataDirectory"] = Path.Combine(_data, "ai"),
        ["ALICIA_Services__device-registry__DataDirectory"] = Path.Combine(_data, "device-registry"),
    });

    private static async Task<AiResponse> AskAsync(BusClient cli, MessageRecorder watcher, string text)
    {
        var sent = await cli.PublishAsync(Topics.Ai.Request, new AiRequest(text), new PublishOptions { AtLeastOnce = true });
        var answer = await watcher.WaitForAsync(m => m.Topic == Topics.Ai.Response && CorrelationOf(m) == sent.MessageId, TimeSpan.FromSeconds(20));
        return cli.Json.FromElement<AiResponse>(JsonDocument.Parse(answer.Payload).RootElement.GetProperty("payload"));
    }

    private static async Task WaitOnlineAsync(MessageRecorder watcher, string service, SuiteProcess process, int after = 0)
    {
        await WaitAfterAsync(watcher, after, m => m.Topic == Topics.Health.Of(service) && Status(m) == "online",
            () => Assert.False(process.HasExited, $"{service} exited during start-up:\n{process.LastOutput()}"));
    }

    /// <summary>The first message recorded at or after position <paramref name="mark"/> that matches.</summary>
    private static async Task<ReceivedMessage> WaitAfterAsync(MessageRecorder watcher, int mark, Func<ReceivedMessage, bool> match, Action? check = null)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (watcher.Messages.Skip(mark).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            check?.Invoke();
            Assert.True(DateTime.UtcNow < deadline, $"no matching message within {StartTimeout.TotalSeconds:0} s");
            await Task.Delay(50);
        }
    }

    private async Task ClearRetainedAsync(string user, string topic)
    {
        using var client = await TestMqtt.ConnectAsync(_broker, user);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Array.Empty<byte>())
            .WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(result.IsSuccess, $"could not clear {topic}: {result.ReasonCode}");
    }

    private static string? Status(ReceivedMessage message) => message.EnvelopePayload?.GetProperty("status").GetString();

    private static string? Event(ReceivedMessage message) => message.EnvelopePayload?.GetProperty("event").GetString();

    private static string? CorrelationOf(ReceivedMessage message) =>
        message.Payload.Length > 0 && JsonDocument.Parse(message.Payload).RootElement.TryGetProperty("correlation_id", out var c) ? c.GetString() : null;

    private static string Words(int n) => n switch { 1 => "One", 2 => "Two", 3 => "Three", 4 => "Four", _ => "Five" };
}
