using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alicia.Cli.Tests;

/// <summary>The verbs against a real broker, with the other side played by real identities.</summary>
public sealed class CliAgainstBrokerTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_stopped_system_gives_one_clear_line_and_exit_code_1()
    {
        var (code, _, error) = await RunAsync("health", "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--secrets", _broker.SecretsDirectory, "--connect-timeout", "1");

        Assert.Equal(1, code);
        Assert.StartsWith("alicia health: cannot reach the broker at 127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Missing_credentials_say_how_to_get_them()
    {
        var (code, _, error) = await RunAsync("health", "--secrets", "/nonexistent");

        Assert.Equal(1, code);
        Assert.Contains("./alicia up", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("ask");

        Assert.Equal(2, code);
        Assert.Contains("what should I ask?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_runs_a_text_session_and_prints_what_each_stage_did()
    {
        await using var router = await ClientAsync(ServiceNames.VoiceRouter);
        await using var ai = await ClientAsync(ServiceNames.Ai);
        await ai.StartAsync(CancellationToken.None);
        router.OnEvent<SessionStart>(Topics.Session.AllStart, async (m, ct) =>
        {
            var site = m.Topic.Split('/')[3];
            const string session = "s-42";
            await router.PublishAsync(Topics.Session.Started(site), new SessionStarted(session, site, "text"), new PublishOptions { AtLeastOnce = true }, ct);
            await ai.PublishAsync(Topics.Ai.Response,
                new AiResponse(m.Payload.Text!, true, "TurnOn", [new SlotValue("device", "kitchen light", "kitchen_light")], 1, "Turning on the kitchen light.", []),
                new PublishOptions { AtLeastOnce = true, SessionId = session }, ct);
            await Task.Delay(100, ct);
            await router.PublishAsync(Topics.Session.Ended(site),
                new SessionEnded(session, site, "nominal", m.Payload.Text, "TurnOn", "Turning on the kitchen light.", new Dictionary<string, double> { ["ai"] = 1.5, ["total"] = 9 }),
                new PublishOptions { AtLeastOnce = true }, ct);
        });
        await router.StartAsync(CancellationToken.None);

        var (code, output, error) = await RunAsync("ask", "turn on the kitchen light", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("TurnOn", json.RootElement.GetProperty("intent").GetString());
        Assert.Equal("Turning on the kitchen light.", json.RootElement.GetProperty("reply").GetString());
        Assert.Equal("kitchen_light", json.RootElement.GetProperty("slots")[0].GetProperty("value").GetString());
        Assert.Equal(1.5, json.RootElement.GetProperty("stage_ms").GetProperty("ai").GetDouble());
    }

    [Fact]
    public async Task Health_lists_every_service_and_fails_while_any_is_offline()
    {
        await using var tts = await ClientAsync(ServiceNames.Tts);
        await tts.StartAsync(CancellationToken.None);
        await tts.PublishAsync(Topics.Health.Of(ServiceNames.Tts), new HealthReport("tts", "main", HealthState.Online, "1.0", 12, 3, 0, 10),
            new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });

        var (code, output, _) = await RunAsync("health", "--json");

        Assert.Equal(1, code);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("service").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal("online", rows["tts"]);
        Assert.Equal("offline", rows["stt"]);
        Assert.Equal(ServiceNames.Services.Count, rows.Count);
    }

    /// <summary>A client for a real identity, not yet started (routes are declared before starting).</summary>
    private Task<BusClient> ClientAsync(string service) => Task.FromResult(new BusClient(new BusOptions
    {
        ServiceName = service,
        Instance = "cli-test",
        Host = _broker.Host,
        Port = _broker.MqttPort,
        SecretsDirectory = _broker.SecretsDirectory,
    }, new BusJson([]), NullLoggerFactory.Instance, TimeProvider.System));

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        string[] connection = ["--host", _broker.Host, "--port", _broker.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--secrets", _broker.SecretsDirectory];
        var withConnection = args.Contains("--port") || args.Contains("--secrets") ? args : [.. args, .. connection];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(withConnection, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
