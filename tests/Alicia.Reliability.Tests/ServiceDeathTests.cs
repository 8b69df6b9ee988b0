using System.Collections.Concurrent;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;
using Xunit.Abstractions;

namespace Alicia.Reliability.Tests;

/// <summary>
/// A service dies without a goodbye: the broker's last will marks it offline, commands to it are
/// retried and dead-lettered (not lost), and when it comes back its persistent session delivers the
/// queued commands, which it then works off.
/// </summary>
public sealed class ServiceDeathTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_dead_service_is_marked_offline_its_commands_dead_lettered_and_drained_when_it_returns()
    {
        const int commands = 5;
        var handled = new ConcurrentBag<string>();
        await using var watcher = await MessageRecorder.StartAsync(_broker, ServiceNames.Cli,
            [Topics.Health.Of(ServiceNames.Tts), Topics.DeadLetter.Of(ServiceNames.VoiceRouter)]);
        var tts = Clients.Create(_broker, ServiceNames.Tts, o => { o.Instance = "main"; o.KeepAlive = TimeSpan.FromSeconds(2); });
        tts.OnCommand<TtsRequest, TtsResponse>(Topics.Tts.Request, (m, _) => Task.FromResult(new TtsResponse("", 0, 0, m.Payload.Text)));
        await tts.StartAsync();
        await using var router = await Clients.Create(_broker, ServiceNames.VoiceRouter).StartAsync();

        // Dropping the connection without DISCONNECT is what the broker sees when a process is killed.
        await tts.DisposeAsync();
        var will = await watcher.WaitForAsync(m => m.Topic == Topics.Health.Of(ServiceNames.Tts), TimeSpan.FromSeconds(10));
        Assert.Equal("offline", JsonDocument.Parse(will.Payload).RootElement.GetProperty("payload").GetProperty("status").GetString());

        var failures = await Task.WhenAll(Enumerable.Range(0, commands).Select(i => Assert.ThrowsAsync<CommandFailedException>(() =>
            router.SendCommandAsync<TtsRequest, TtsResponse>(Topics.Tts.Request, new TtsRequest($"queued-{i}"),
                new CommandOptions { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(300) }))));
        Assert.Equal(commands, failures.Length);
        await Clients.EventuallyAsync(() => watcher.Messages.Count(m => m.Topic == Topics.DeadLetter.Of(ServiceNames.VoiceRouter)) == commands,
            TimeSpan.FromSeconds(10), "every command dead-lettered");

        await using var back = Clients.Create(_broker, ServiceNames.Tts, o => o.Instance = "main");
        back.OnCommand<TtsRequest, TtsResponse>(Topics.Tts.Request, (m, _) =>
        {
            handled.Add(m.Payload.Text);
            return Task.FromResult(new TtsResponse("", 0, 0, m.Payload.Text));
        });
        await back.StartAsync();

        await Clients.EventuallyAsync(() => handled.Distinct().Count() == commands, TimeSpan.FromSeconds(10), "the queued commands to drain");
        var report = $"{commands} commands to a killed service: last will offline, {commands} dead-lettered after 2 attempts each, " +
                     $"{handled.Distinct().Count()} handled from its persistent session when it returned";
        output.WriteLine(report);
        Scale.Report("service death", report);
    }
}
