using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 6: the whole suite in this process (threads mode); a satellite streams an espeak-ng command in
/// real time; timed from the last spoken word, and from the VAD's end-of-utterance decision
/// (SttResponse.UtteranceClosedAt), to the reply audio arriving on alicia/voice/tts/audio/{site}, with
/// the stages the router reports (SessionEnded.StageMs) and the device command seen on the bus.
/// </summary>
public sealed class VoicePipeline : IMeasurement
{
    public const string Command = "turn on the kitchen light";

    /// <summary>On, then off: the light changes every time, so every session sends a real device command.</summary>
    public static readonly string[] Commands = [Command, "turn off the kitchen light"];
    public const string Site = "bench";

    private static readonly string[] Stages = ["vad_end", "stt", "ai", "command", "tts", "tts_audio", "total"];

    public string Group => "pipeline";

    public string Name => "voice pipeline latency";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broker = await context.BrokerAsync(cancellationToken);
        using var settings = SuiteSettings.For(broker);
        await using var suite = await InProcessSuite.StartAsync(settings, cancellationToken);
        await using var satellite = await Satellite.StartAsync(broker, Site, Commands, cancellationToken);
        await WarmUpAsync(context, satellite, cancellationToken);

        var runs = new List<PipelineRun>();
        var failures = new List<string>();
        for (var i = 0; i < context.Size.PipelineRuns; i++)
        {
            try
            {
                runs.Add(await satellite.RunAsync(cancellationToken));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                failures.Add(e.Message);
            }
        }

        if (runs.Count < Math.Max(1, context.Size.PipelineRuns / 2))
        {
            throw new InvalidOperationException($"only {runs.Count} of {context.Size.PipelineRuns} sessions gave a reply: {string.Join("; ", failures.Distinct())}");
        }

        var fromVad = Figure.Of("pipeline.vad_close", "VAD end-of-utterance decision -> reply audio published", "ms", new Samples(runs.Select(r => r.FromVadCloseMs)));
        var fromWord = Figure.Of("pipeline.last_word", $"last spoken word -> reply audio published ({satellite.SpeechSeconds:0.0} s command)", "ms",
            new Samples(runs.Select(r => r.FromLastWordMs)));
        var figures = new List<Figure>
        {
            fromVad with
            {
                Targets = [TargetCheck.Below("p50 ms", fromVad.Median, 100)],
                Note = $"{runs.Count} sessions of '{string.Join("' / '", Commands)}' streamed in real time as 20 ms frames, all services in one process; " +
                    $"{failures.Count} without a reply; heard: {string.Join(", ", runs.Select(r => $"'{r.Transcript}'").Distinct())}",
            },
            fromWord with { Targets = [TargetCheck.Below("p50 ms", fromWord.Median, 700)] },
        };
        foreach (var stage in Stages)
        {
            var samples = new Samples(runs.Where(r => r.StageMs.ContainsKey(stage)).Select(r => r.StageMs[stage]));
            figures.Add(Figure.Of($"pipeline.stage.{stage}", StageTitle(stage), "ms", samples));
        }

        return figures;
    }

    private static async Task WarmUpAsync(BenchContext context, Satellite satellite, CancellationToken cancellationToken)
    {
        // The first sessions also wait for the AI's grammar to reach the STT and the demo devices to register.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var good = 0;
        while (good < (context.Size.Smoke ? 1 : 3))
        {
            try
            {
                var run = await satellite.RunAsync(cancellationToken);
                good += run.StageMs.ContainsKey("command") ? 1 : 0;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException && DateTime.UtcNow < deadline)
            {
                context.Log($"  warm-up: {e.Message}");
                await Task.Delay(500, cancellationToken);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the suite did not answer a spoken command within 90 s");
            }
        }
    }

    private static string StageTitle(string stage) => stage switch
    {
        "vad_end" => "stage: last voiced frame -> VAD close (silence window)",
        "stt" => "stage: STT, VAD close -> transcript at the router (decoded while spoken)",
        "ai" => "stage: AI request -> response (intent, device command, reply)",
        "command" => "stage: command/execute -> command/result on the bus",
        "tts" => "stage: TTS request -> response (router's view)",
        "tts_audio" => "stage: tts/request -> reply audio, seen on the bus",
        _ => "router total: VAD close -> TTS response",
    };
}
