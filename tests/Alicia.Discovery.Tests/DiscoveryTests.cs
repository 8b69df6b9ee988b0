using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;
using Alicia.ServiceTesting;
using Alicia.Testing;

namespace Alicia.Discovery.Tests;

/// <summary>Discovery with real services (BusServiceWrapper) starting, stopping and dying against a real mosquitto.</summary>
public sealed class DiscoveryTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Lists_exactly_the_running_services_and_forgets_one_that_stops_cleanly()
    {
        var broker = fixture.Broker;
        await using var recorder = await MessageRecorder.StartAsync(broker, "cli", [Topics.Discovery.Directory]);
        await using var discovery = await ServiceHosts.StartAsync(broker, b => b.AddDiscovery());
        await using var cli = await ServiceHosts.StartClientAsync(broker, "cli");
        await using var tts = await ServiceHosts.StartProbeAsync(broker, "tts", "speech-synthesis");
        var stt = await ServiceHosts.StartProbeAsync(broker, "stt", "speech-recognition", "wake-word");

        var running = await QueryUntilAsync(cli, new CapabilityQuery(), d => Names(d) == "discovery stt tts");
        var recognizers = await cli.QueryAsync<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, new CapabilityQuery("speech-recognition"));

        Assert.All(running.Services, e => Assert.Equal(HealthState.Online, e.Status));
        var entry = Assert.Single(recognizers.Services);
        Assert.Equal("stt", entry.Service);
        Assert.Equal(["speech-recognition", "wake-word"], entry.Capabilities);
        Assert.True(entry.Since >= entry.StartedAt);

        await stt.DisposeAsync();

        await QueryUntilAsync(cli, new CapabilityQuery(IncludeOffline: true), d => Names(d) == "discovery tts");
        Assert.Empty((await cli.QueryAsync<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, new CapabilityQuery("speech-recognition"))).Services);
        var published = Wire.PayloadOf(recorder.Messages.Last(m => !m.Retain), ContractsJson.Default.ServiceDirectory);
        Assert.Equal("discovery tts", Names(published));
    }

    [Fact]
    public async Task A_service_that_dies_is_marked_offline_by_its_last_will_and_listed_again_when_it_returns()
    {
        var broker = fixture.Broker;
        await using var discovery = await ServiceHosts.StartAsync(broker, b => b.AddDiscovery());
        await using var cli = await ServiceHosts.StartClientAsync(broker, "cli");
        var ai = await ServiceHosts.StartProbeAsync(broker, "ai", "intent-recognition");
        await QueryUntilAsync(cli, new CapabilityQuery("intent-recognition"), d => Names(d) == "ai");

        ai.Crash();

        var all = await QueryUntilAsync(cli, new CapabilityQuery("intent-recognition", IncludeOffline: true),
            d => d.Services.Any(e => e.Status == HealthState.Offline));
        Assert.Equal("ai", Assert.Single(all.Services).Service);
        Assert.Empty((await cli.QueryAsync<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, new CapabilityQuery("intent-recognition"))).Services);

        await using var back = await ServiceHosts.StartProbeAsync(broker, "ai", "intent-recognition");
        var online = await QueryUntilAsync(cli, new CapabilityQuery("intent-recognition"), d => Names(d) == "ai");
        Assert.Equal(HealthState.Online, online.Services.Single().Status);
    }

    private static string Names(ServiceDirectory directory) => string.Join(' ', directory.Services.Select(e => e.Service));

    /// <summary>Asks discovery until the answer satisfies <paramref name="until"/> (registrations travel asynchronously).</summary>
    private static async Task<ServiceDirectory> QueryUntilAsync(BusClient cli, CapabilityQuery query, Func<ServiceDirectory, bool> until)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var answer = await cli.QueryAsync<CapabilityQuery, ServiceDirectory>(Topics.Discovery.Query, query);
            if (until(answer))
            {
                return answer;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"discovery still answers {Names(answer)} to {query}");
            }

            await Task.Delay(50);
        }
    }
}
