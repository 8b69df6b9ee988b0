using System.Diagnostics;
using System.Text.Json;
using Alicia.Bench.Measurements;
using Alicia.Bench.Reporting;

namespace Alicia.Bench;

/// <summary>Runs the selected measurements one after another and prints the report.</summary>
public static class BenchCommand
{
    public static IReadOnlyList<IMeasurement> Measurements { get; } =
    [
        new BusThroughput(),
        new FanOut(),
        new PriorityLatency(),
        new InProcessDispatch(),
        new QueryRoundTrip(),
        new VoicePipeline(),
        new SpeechRecognitionSpeed(),
        new IntentRecognitionSpeed(),
        new SuiteMemory(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var arguments = BenchArguments.Parse(args, out var error);
        if (arguments is null)
        {
            await stderr.WriteLineAsync($"alicia bench: {error}\n{BenchArguments.Usage}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var report = arguments.From is { } saved
            ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(saved, cancel.Token), BenchJson.Default.BenchReport)
                ?? throw new InvalidDataException($"{saved} holds no report")
            : await MeasureAsync(arguments, "./alicia bench " + string.Join(' ', args), stderr, cancel.Token);
        await stdout.WriteAsync(
            arguments.Json ? JsonSerializer.Serialize(report, BenchJson.Default.BenchReport) + "\n"
            : arguments.Markdown ? TableWriter.Markdown(report)
            : TableWriter.Text(report));
        return report.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task<BenchReport> MeasureAsync(BenchArguments arguments, string command, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var machine = await MachineInfo.CollectAsync();
        var figures = new List<Figure>();
        var errors = new List<MeasurementError>();
        await using (var context = new BenchContext(arguments.Smoke ? BenchSize.SmokeSize : BenchSize.Full, log))
        {
            foreach (var measurement in Measurements.Where(m => arguments.Groups.Contains(m.Group)
                && (arguments.Only is null || m.Name.Contains(arguments.Only, StringComparison.OrdinalIgnoreCase))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.Log($"{measurement.Group}: {measurement.Name}");
                try
                {
                    var measured = await measurement.RunAsync(context, cancellationToken);
                    figures.AddRange(measured);
                    foreach (var figure in measured)
                    {
                        context.Log($"  {figure.Id} = {NumberText.Format(figure.Median)} {figure.Unit}" +
                            (figure.Ratio is { } r ? $" ({NumberText.Format(r)} x baseline)" : ""));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    context.Log($"  FAILED: {e}");
                    errors.Add(new MeasurementError(measurement.Name, e.Message));
                }
            }
        }

        return new BenchReport(command, arguments.Smoke, startedAt, Math.Round(clock.Elapsed.TotalSeconds, 1), machine, figures, errors);
    }
}
