using System.Diagnostics;
using System.Text.Json;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;
using Alicia.Contracts;
using Alicia.Suite;
using Alicia.Testing;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 8: resident memory (VmRSS) of the suite binary as ./alicia up starts it: one process with every
/// service (threads mode), then one process per service (processes mode); idle once every service
/// reports online, and under load while spoken commands run back to back through the whole pipeline.
/// </summary>
public sealed class SuiteMemory : IMeasurement
{
    private const double ThreadsTargetMb = 250;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    public string Group => "memory";

    public string Name => "suite resident memory";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        await using var health = await TimedRecorder.StartAsync(broker, [Topics.Health.AnyService], cancellationToken);

        var threads = await MeasureAsync(context, health, ["all"], "memory-threads", cancellationToken);
        var processes = await MeasureAsync(context, health, SuiteServices.All.Select(s => s.Name).ToList(), "memory-processes", cancellationToken);

        var threadsIdle = Figure.Of("memory.threads.idle", "whole suite, threads mode (one process), idle", "MB", threads.Total.Idle);
        var threadsLoad = Figure.Of("memory.threads.load", "whole suite, threads mode (one process), under load", "MB", threads.Total.Load);
        var figures = new List<Figure>
        {
            threadsIdle with { Targets = [TargetCheck.Below("MB", threadsIdle.Median, ThreadsTargetMb)] },
            threadsLoad with
            {
                Targets = [TargetCheck.Below("p99 MB", threadsLoad.P99 ?? double.MaxValue, ThreadsTargetMb)],
                Note = $"load: '{string.Join("' / '", VoicePipeline.Commands)}' spoken back to back for {context.Size.MemoryLoadDuration.TotalSeconds:0} s ({threads.Sessions} sessions); VmRSS every {SampleEvery.TotalMilliseconds:0} ms",
            },
            Figure.Of("memory.processes.idle", $"whole suite, processes mode ({processes.PerProcess.Count} processes), idle, sum", "MB", processes.Total.Idle),
            Figure.Of("memory.processes.load", $"whole suite, processes mode ({processes.PerProcess.Count} processes), under load, sum", "MB", processes.Total.Load) with
            {
                Note = $"{processes.Sessions} sessions during the load window",
            },
        };
        foreach (var (service, usage) in processes.PerProcess)
        {
            figures.Add(Figure.Of($"memory.process.{service}", $"{service} alone (processes mode), under load", "MB", usage.Load) with
            {
                Note = $"idle {NumberText.Format(usage.Idle.Median)} MB",
            });
        }

        return figures;
    }

    private static async Task<ModeMemory> MeasureAsync(BenchContext context, TimedRecorder health, IReadOnlyList<string> services, string site, CancellationToken cancellationToken)
    {
        var broker = await context.BrokerAsync(cancellationToken);
        using var settings = SuiteSettings.For(broker);
        var from = health.Count;
        var processes = services.Select(s => SuiteProcess.Start(s, settings.Environment())).ToList();
        try
        {
            context.Log($"  {processes.Count} suite process(es) for {string.Join(", ", services)}");
            await WaitUntilOnlineAsync(health, from, processes, cancellationToken);

            // Idle: every service up and nothing asked of it; allow start-up work (grammar, device list) to settle.
            await Task.Delay(context.Size.Smoke ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5), cancellationToken);
            var idle = processes.ToDictionary(p => p.Services, _ => new Samples());
            var idleTotal = new Samples();
            for (var i = 0; i < (context.Size.Smoke ? 2 : 8); i++)
            {
                Sample(processes, idle, idleTotal);
                await Task.Delay(SampleEvery, cancellationToken);
            }

            // Under load: spoken commands back to back, memory sampled alongside.
            var load = processes.ToDictionary(p => p.Services, _ => new Samples());
            var loadTotal = new Samples();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampling = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    Sample(processes, load, loadTotal);
                    await Task.Delay(SampleEvery, CancellationToken.None);
                }
            }, CancellationToken.None);
            var sessions = await SpeakForAsync(context, broker, site, context.Size.MemoryLoadDuration, cancellationToken);
            await stop.CancelAsync();
            await sampling;

            return new ModeMemory(
                new MemoryUsage(idleTotal, loadTotal),
                services.ToDictionary(s => s, s => new MemoryUsage(idle[s], load[s])),
                sessions);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<int> SpeakForAsync(BenchContext context, MosquittoBroker broker, string site, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var satellite = await Satellite.StartAsync(broker, site, VoicePipeline.Commands, cancellationToken);
        var clock = Stopwatch.StartNew();
        var sessions = 0;
        var failures = 0;
        do
        {
            try
            {
                await satellite.RunAsync(cancellationToken);
                sessions++;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Right after start-up the grammar may still be on its way; the load is what matters here.
                failures++;
                context.Log($"  load session failed: {e.Message}");
            }
        }
        while ((clock.Elapsed < duration || sessions == 0) && failures < 10);

        return sessions;
    }

    private static void Sample(List<SuiteProcess> processes, Dictionary<string, Samples> each, Samples total)
    {
        var sum = 0.0;
        foreach (var process in processes)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the suite process for {process.Services} exited:\n{process.LastOutput()}");
            }

            var megabytes = process.ResidentMegabytes();
            each[process.Services].Add(megabytes);
            sum += megabytes;
        }

        total.Add(sum);
    }

    private static async Task WaitUntilOnlineAsync(TimedRecorder health, int from, List<SuiteProcess> processes, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var service in ServiceNames.Services)
        {
            var remaining = TimeSpan.FromSeconds(120) - deadline.Elapsed;
            try
            {
                await health.WaitForAsync(m => m.Topic == Topics.Health.Of(service) && IsOnline(m), from,
                    remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
            }
            catch (TimeoutException)
            {
                var exited = processes.FirstOrDefault(p => p.HasExited);
                throw new TimeoutException($"{service} did not report online within 120 s" +
                    (exited is null ? "" : $"; the {exited.Services} process exited:\n{exited.LastOutput()}"));
            }
        }
    }

    private static bool IsOnline(TimedMessage message)
    {
        var envelope = JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope);
        return envelope?.Payload.Deserialize(ContractsJson.Default.HealthReport)?.Status == HealthState.Online;
    }

    private sealed record MemoryUsage(Samples Idle, Samples Load);

    private sealed record ModeMemory(MemoryUsage Total, IReadOnlyDictionary<string, MemoryUsage> PerProcess, int Sessions);
}
