using System.Diagnostics;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 4: a service ("stt", default 4 dispatch workers) has 10,000 external events queued, each
/// costing about 1 ms of awaited I/O; one interactive event arrives. Measured: publish to handler
/// start of the interactive event, against the same on an idle service (same run), and once, how
/// long the backlog takes to drain, which is what the interactive event would wait in a FIFO.
/// </summary>
public sealed class PriorityLatency : IMeasurement
{
    private static readonly TimeSpan ExternalWork = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private TaskCompletionSource _backlogReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<long> _interactiveHandled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _draining;
    private int _externalsWaiting;
    private long _externalsHandled;

    public string Group => "bus";

    public string Name => "interactive message behind a backlog";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        var backlog = context.Size.PriorityBacklog;
        BusClient? service = null;
        BusClient? sender = null;
        try
        {
            // Room for the whole backlog, so what is measured is the ordering, not the eviction policy.
            service = await BenchBus.StartAsync(broker, ServiceNames.Stt, bus => bus.OnEvent<SttRequest>(Topics.Stt.Request, HandleAsync),
                options => options.QueueCapacity = (backlog * 2) + 100, cancellationToken);
            sender = await BenchBus.StartAsync(broker, ServiceNames.Cli, cancellationToken: cancellationToken);
            var payload = new SttRequest("UklGRiQAAABXQVZF");

            var idle = new Samples();
            var behindBacklog = new Samples();
            double? fifoMs = null;
            await IdleRoundAsync(sender, payload, cancellationToken); // warm-up
            for (var round = 0; round < context.Size.PriorityRounds; round++)
            {
                idle.Add(await IdleRoundAsync(sender, payload, cancellationToken));
                var measureDrain = round == 0;
                var (latency, drain) = await BacklogRoundAsync(service, sender, payload, backlog, measureDrain, cancellationToken);
                behindBacklog.Add(latency);
                fifoMs ??= drain;
            }

            var figure = Figure.Of("bus.priority", $"interactive event behind {backlog:N0} queued external events: publish to handler", "ms", behindBacklog) with
            {
                Baseline = "same event, idle service",
                BaselineMedian = idle.Median,
            };
            return
            [
                figure with
                {
                    Targets = [TargetCheck.Below("p50 ms", figure.Median, 5)],
                    Note = $"{behindBacklog.Count} rounds; external handlers await Task.Delay({ExternalWork.TotalMilliseconds:0} ms) each, 4 dispatch workers, " +
                        $"the interactive event sent {Settle.TotalMilliseconds:0}-{Settle.TotalMilliseconds + 5:0} ms after the workers start on the backlog; " +
                        $"in FIFO order the interactive event would wait for the backlog to drain: {NumberText.Format(fifoMs)} ms (bus.priority.fifo)",
                },
                new Figure("bus.priority.fifo", $"time to drain the {backlog:N0} backlog (the wait in FIFO order)", "ms", fifoMs ?? double.NaN, null, 1),
            ];
        }
        finally
        {
            _draining = true;
            _backlogReleased.TrySetResult();
            await BenchBus.StopAsync(sender);
            await BenchBus.StopAsync(service);
        }
    }

    private async Task<double> IdleRoundAsync(BusClient sender, SttRequest payload, CancellationToken cancellationToken)
    {
        _interactiveHandled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = Stopwatch.GetTimestamp();
        await sender.PublishAsync(Topics.Stt.Request, payload, new PublishOptions { Priority = MessagePriority.Interactive }, cancellationToken);
        var handled = await _interactiveHandled.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return Stopwatch.GetElapsedTime(sent, handled).TotalMilliseconds;
    }

    private async Task<(double LatencyMs, double? DrainMs)> BacklogRoundAsync(
        BusClient service, BusClient sender, SttRequest payload, int backlog, bool measureDrain, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _backlogReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _externalsWaiting = 0;
            _draining = false;
        }

        Interlocked.Exchange(ref _externalsHandled, 0);
        await BenchBus.PublishManyAsync(sender, Topics.Stt.Request, payload, backlog, new PublishOptions { Priority = MessagePriority.External }, 64, cancellationToken);

        // The workers hold the first few at the gate; everything else waits in the inbox.
        await WaitUntilAsync(() => service.QueueDepth + Volatile.Read(ref _externalsWaiting) >= backlog, "the backlog to queue", cancellationToken);
        _interactiveHandled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = Stopwatch.GetTimestamp();
        _backlogReleased.TrySetResult();

        // Let the workers fall out of step (they all left the gate at once), as they are in a service that has been busy for a while.
        // The handlers' Task.Delay and ours end on the same coarse timer tick; a precise random sleep on
        // top (Thread.Sleep does not use that timer) spreads the arrival over the handlers' cycle.
        await Task.Delay(Settle, cancellationToken);
        var offset = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 5);
        await Task.Run(() => Thread.Sleep(offset), cancellationToken);
        var sent = Stopwatch.GetTimestamp();
        await sender.PublishAsync(Topics.Stt.Request, payload, new PublishOptions { Priority = MessagePriority.Interactive }, cancellationToken);
        var handled = await _interactiveHandled.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var latency = Stopwatch.GetElapsedTime(sent, handled).TotalMilliseconds;

        double? drain = null;
        if (measureDrain)
        {
            await WaitUntilAsync(() => Interlocked.Read(ref _externalsHandled) >= backlog, "the backlog to drain", cancellationToken);
            drain = Stopwatch.GetElapsedTime(released).TotalMilliseconds;
        }

        _draining = true;
        await WaitUntilAsync(() => Interlocked.Read(ref _externalsHandled) >= backlog, "the backlog to drain", cancellationToken);
        return (latency, drain);
    }

    private async Task HandleAsync(BusMessage<SttRequest> message, CancellationToken cancellationToken)
    {
        if (message.Envelope.Priority == MessagePriority.Interactive)
        {
            _interactiveHandled.TrySetResult(Stopwatch.GetTimestamp());
            return;
        }

        Task released;
        lock (_gate)
        {
            released = _backlogReleased.Task;
            if (!released.IsCompleted)
            {
                _externalsWaiting++;
            }
        }

        await released;
        if (!_draining)
        {
            await Task.Delay(ExternalWork, cancellationToken);
        }

        Interlocked.Increment(ref _externalsHandled);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(5, cancellationToken);
        }
    }
}
