using System.Collections.Concurrent;
using System.Diagnostics;
using Alicia.Ai.Tests.Support;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Xunit.Abstractions;

namespace Alicia.Ai.Tests;

/// <summary>The AI service through a real mosquitto, talking to the identities it talks to in production.</summary>
public sealed class AiServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private string _data = "";
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("alicia-ai-").FullName;
        _broker = await MosquittoBroker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Grammar_is_retained_and_follows_the_device_list()
    {
        await using var ai = await AiHost.StartAsync(_broker, _data);
        await using var watcher = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Ai.Grammar]);
        var first = (await watcher.WaitForTopicAsync(Topics.Ai.Grammar, Wait)).Payload<AiGrammar>();
        Assert.DoesNotContain("kitchen", first.Words);
        Assert.Contains("weather", first.Words);

        var registry = await TestClients.StartedAsync(_broker, ServiceNames.DeviceRegistry);
        await registry.PublishAsync(Topics.Devices.List, DemoDevices.List, new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
        var updated = (await watcher.WaitForAsync(m => m.Payload<AiGrammar>().Version != first.Version, Wait)).Payload<AiGrammar>();

        Assert.Contains("kitchen", updated.Words);
        Assert.Contains("kitchen light", updated.Jsgf, StringComparison.Ordinal);
        Assert.StartsWith("#JSGF", updated.Jsgf, StringComparison.Ordinal);
        await using var late = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Ai.Grammar]);
        var retained = await late.WaitForTopicAsync(Topics.Ai.Grammar, Wait);
        Assert.True(retained.Retain);
        Assert.Equal(updated.Version, retained.Payload<AiGrammar>().Version);
        await registry.StopAsync();
    }

    [Fact]
    public async Task A_request_is_answered_as_an_event_caused_by_it()
    {
        await using var ai = await AiHost.StartAsync(_broker, _data);
        await using var context = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Ai.Context]);
        await using var conversation = await Conversation.StartAsync(_broker);

        var answer = await conversation.AskAsync("what's the weather like today", session: "session-7", site: "hall");
        var nonsense = await conversation.AskAsync("bake me a cake", session: "session-7", site: "hall");

        Assert.Equal(Topics.Ai.Response, answer.Topic);
        Assert.Equal(ServiceNames.Ai, answer.Envelope.Source);
        Assert.Equal(MessageType.Event, answer.Envelope.MessageType);
        Assert.Equal("session-7", answer.Envelope.SessionId);
        Assert.Equal("hall", answer.Envelope.SiteId);
        Assert.Equal(1, answer.Envelope.Routing.Hops);
        Assert.Equal("GetWeather", answer.Payload.Intent);
        Assert.Equal("Weather isn't configured yet.", answer.Payload.Reply);
        Assert.False(nonsense.Payload.Recognized);
        Assert.Equal("Sorry, I didn't understand that.", nonsense.Payload.Reply);
        var update = (await context.WaitForAsync(m => m.Payload<ContextUpdate>().LastReply == nonsense.Payload.Reply, Wait)).Payload<ContextUpdate>();
        Assert.Equal(("turn", "session-7", "hall"), (update.Event, update.SessionId, update.Site));
    }

    [Fact]
    public async Task Device_commands_go_to_the_registry_and_the_reply_says_how_it_went()
    {
        var received = new ConcurrentQueue<DeviceCommand>();
        await using var ai = await AiHost.StartAsync(_broker, _data);
        var registry = await StartRegistryAsync(received);
        await using var conversation = await Conversation.StartAsync(_broker);

        var on = await conversation.AskAsync("turn on the kitchen light");
        var off = await conversation.AskAsync("turn it off");
        var also = await conversation.AskAsync("and the bedroom light");
        var unreachable = await conversation.AskAsync("turn on the fan");

        Assert.Equal("Turning on the kitchen light.", on.Payload.Reply);
        Assert.Equal([new DeviceCommand("kitchen_light", DeviceActions.TurnOn)], on.Payload.Commands);
        Assert.Equal("Turning off the kitchen light.", off.Payload.Reply);
        Assert.Equal("Turning off the bedroom light.", also.Payload.Reply);
        Assert.Equal("I couldn't reach the bedroom fan.", unreachable.Payload.Reply);
        Assert.Equal(
            [new("kitchen_light", DeviceActions.TurnOn), new("kitchen_light", DeviceActions.TurnOff), new("bedroom_light", DeviceActions.TurnOff)],
            received.Where(c => c.DeviceId != "bedroom_fan"));
        output.WriteLine($"AI handling time with a registry round trip: {on.Payload.ElapsedMs:0.0} ms; without commands see the speed report");
        await registry.StopAsync();
    }

    [Fact]
    public async Task Sentences_the_templates_miss_go_to_the_llm_and_its_tool_calls_become_commands()
    {
        var received = new ConcurrentQueue<DeviceCommand>();
        await using var llm = new FakeOpenAi("""{"device_id":"bedroom_light","action":"turn_on"}""");
        var keyFile = Path.Combine(_data, "llm.key");
        await File.WriteAllTextAsync(keyFile, "sk-test\n");
        await using var ai = await AiHost.StartAsync(_broker, _data, new Dictionary<string, string?>
        {
            ["Services:ai:Llm:BaseUrl"] = llm.BaseUrl,
            ["Services:ai:Llm:Model"] = "test-model",
            ["Services:ai:Llm:ApiKeyFile"] = keyFile,
        });
        var registry = await StartRegistryAsync(received);
        await using var conversation = await Conversation.StartAsync(_broker);

        var local = await conversation.AskAsync("what time is it");
        var answer = await conversation.AskAsync("it is too dark in the bedroom");

        Assert.Equal("local", local.Payload.Source);
        Assert.Equal("llm", answer.Payload.Source);
        Assert.True(answer.Payload.Recognized);
        Assert.Equal("Turning on the bedroom light.", answer.Payload.Reply);
        Assert.Equal([new DeviceCommand("bedroom_light", DeviceActions.TurnOn)], answer.Payload.Commands);
        Assert.Equal([new DeviceCommand("bedroom_light", DeviceActions.TurnOn)], received);
        var request = Assert.Single(llm.Requests);
        Assert.Equal(("POST", "/v1/chat/completions", "Bearer sk-test"), (request.Method, request.Path, request.Authorization));
        Assert.Contains("\"model\":\"test-model\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"control_device\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"bedroom_light\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("it is too dark in the bedroom", request.Body, StringComparison.Ordinal);
        await registry.StopAsync();
    }

    [Fact]
    public async Task A_slow_or_missing_llm_leaves_the_local_answer()
    {
        await using var slow = new FakeOpenAi("""{"device_id":"bedroom_light","action":"turn_on"}""") { Delay = TimeSpan.FromSeconds(3) };
        await using var ai = await AiHost.StartAsync(_broker, _data, new Dictionary<string, string?>
        {
            ["Services:ai:Llm:BaseUrl"] = slow.BaseUrl,
            ["Services:ai:Llm:Model"] = "test-model",
            ["Services:ai:Llm:Timeout"] = "00:00:00.500",
        });
        await using var conversation = await Conversation.StartAsync(_broker);

        var clock = Stopwatch.StartNew();
        var answer = await conversation.AskAsync("it is too dark in the bedroom");
        clock.Stop();

        Assert.Single(slow.Requests);
        Assert.False(answer.Payload.Recognized);
        Assert.Equal("local", answer.Payload.Source);
        Assert.Equal("Sorry, I didn't understand that.", answer.Payload.Reply);
        Assert.Empty(answer.Payload.Commands);
        output.WriteLine($"answer with an LLM that timed out: {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_timer_is_announced_on_its_site_when_done()
    {
        await using var ai = await AiHost.StartAsync(_broker, _data);
        await using var speech = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Tts.Request, Topics.Ai.Context]);
        await using var conversation = await Conversation.StartAsync(_broker);

        var set = await conversation.AskAsync("set a timer for one second", site: "kitchen");
        var announcement = await speech.WaitForTopicAsync(Topics.Tts.Request, Wait);

        Assert.Equal("Timer set for one second.", set.Payload.Reply);
        Assert.Equal("Your one second timer is done.", announcement.Payload<TtsRequest>().Text);
        Assert.Equal("kitchen", announcement.Envelope().SiteId);
        Assert.Equal(MessageType.Event, announcement.Envelope().MessageType);
        var fired = await speech.WaitForAsync(m => m.Topic == Topics.Ai.Context && m.Payload<ContextUpdate>().Event == "timer_fired", Wait);
        Assert.Equal("kitchen", fired.Payload<ContextUpdate>().Site);
    }

    [Fact]
    public async Task A_timer_survives_a_restart_of_the_ai()
    {
        await using var speech = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Tts.Request]);
        await using (var first = await AiHost.StartAsync(_broker, _data))
        {
            await using var conversation = await Conversation.StartAsync(_broker);
            var set = await conversation.AskAsync("set a timer for two seconds", site: "hall");
            Assert.Equal("Timer set for two seconds.", set.Payload.Reply);
        }

        Assert.Contains("\"site\": \"hall\"", await File.ReadAllTextAsync(Path.Combine(_data, "timers.json")), StringComparison.Ordinal);
        Assert.False(speech.HasReceived(Topics.Tts.Request));

        await using var second = await AiHost.StartAsync(_broker, _data);
        var announcement = await speech.WaitForTopicAsync(Topics.Tts.Request, Wait);

        Assert.Equal("Your two second timer is done.", announcement.Payload<TtsRequest>().Text);
        Assert.Equal("hall", announcement.Envelope().SiteId);
        Assert.DoesNotContain("hall", await File.ReadAllTextAsync(Path.Combine(_data, "timers.json")), StringComparison.Ordinal);
    }

    // The registry's side: a retained device list, and results for every device but the fan (which never answers).
    private async Task<BusClient> StartRegistryAsync(ConcurrentQueue<DeviceCommand> received)
    {
        var registry = await TestClients.StartedAsync(_broker, ServiceNames.DeviceRegistry, bus =>
            bus.OnCommand<DeviceCommand, CommandResult>(Topics.Command.Execute, async (m, ct) =>
            {
                received.Enqueue(m.Payload);
                if (m.Payload.DeviceId == "bedroom_fan")
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }

                var state = m.Payload.Action == DeviceActions.TurnOn ? "on" : "off";
                return new CommandResult(m.Payload.DeviceId, m.Payload.Action, true, State: new DeviceState(m.Payload.DeviceId, state, UpdatedAt: m.Envelope.Timestamp));
            }));
        await using var watcher = await MessageRecorder.StartAsync(_broker, "cli", [Topics.Ai.Grammar]);
        await registry.PublishAsync(Topics.Devices.List, DemoDevices.List, new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
        await watcher.WaitForAsync(m => m.Payload<AiGrammar>().Words.Contains("kitchen"), Wait);
        return registry;
    }
}
