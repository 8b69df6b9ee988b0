using System.Diagnostics;
using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// Plays a satellite microphone as the cli identity: asks the router for a listening session on a
/// site, then streams a spoken command in real time as 20 ms frames of 16 kHz PCM (and silence after
/// it, as a microphone would, until the STT has answered), and times the reply audio that comes back.
/// Several commands take turns (on, then off), so every session really switches a device.
/// </summary>
public sealed class Satellite : IAsyncDisposable
{
    private const int FrameMs = Utterance.FrameMs;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ReplyGrace = TimeSpan.FromSeconds(3);

    private readonly BusClient _cli;
    private readonly TimedRecorder _recorder;
    private readonly Utterance[] _utterances;
    private int _turn;

    private Satellite(BusClient cli, TimedRecorder recorder, Utterance[] utterances)
    {
        _cli = cli;
        _recorder = recorder;
        _utterances = utterances;
    }

    /// <summary>Average length of the spoken commands (without the leading silence).</summary>
    public double SpeechSeconds => _utterances.Average(u => u.SpeechSeconds);

    public static async Task<Satellite> StartAsync(MosquittoBroker broker, string site, IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var utterances = sentences.Select(Utterance.Speak).ToArray();
        var recorder = await TimedRecorder.StartAsync(broker,
        [
            Topics.Session.Started(site), Topics.Session.Ended(site), Topics.Stt.Response, Topics.Stt.Error,
            Topics.Tts.Request, Topics.Tts.Audio(site), Topics.Command.Execute, Topics.Command.Result,
        ], cancellationToken);
        var cli = await BenchBus.StartAsync(broker, ServiceNames.Cli, cancellationToken: cancellationToken);
        return new Satellite(cli, recorder, utterances) { Site = site };
    }

    public string Site { get; private init; } = "";

    /// <summary>One session: start, speak, wait for the reply audio and the session's end.</summary>
    public async Task<PipelineRun> RunAsync(CancellationToken cancellationToken)
    {
        var utterance = _utterances[_turn++ % _utterances.Length];
        var from = _recorder.Count;
        await _cli.PublishAsync(Topics.Session.Start(Site), new SessionStart(),
            new PublishOptions { SiteId = Site, Priority = MessagePriority.Interactive, AtLeastOnce = true }, cancellationToken);
        var started = Payload(await _recorder.WaitForAsync(m => m.Topic == Topics.Session.Started(Site), from, StageTimeout, cancellationToken),
            ContractsJson.Default.SessionStarted);

        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streaming = StreamAsync(utterance, answered.Token);
        TimedMessage transcript;
        try
        {
            transcript = await _recorder.WaitForAsync(m => (m.Topic == Topics.Stt.Response || m.Topic == Topics.Stt.Error) && SessionOf(m) == started.SessionId,
                from, StageTimeout, cancellationToken);
        }
        finally
        {
            await answered.CancelAsync();
        }

        var lastWordAt = await streaming;
        var ended = Payload(await _recorder.WaitForAsync(m => m.Topic == Topics.Session.Ended(Site) && SessionOf(m) == started.SessionId,
            from, StageTimeout, cancellationToken), ContractsJson.Default.SessionEnded);

        // The router and the TTS publish independently: the session's end may arrive before the audio.
        TimedMessage? reply = null;
        try
        {
            reply = await _recorder.WaitForAsync(m => m.Topic == Topics.Tts.Audio(Site), from, ReplyGrace, cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        if (transcript.Topic != Topics.Stt.Response || reply is null)
        {
            throw new InvalidOperationException($"the session ended '{ended.Reason}' without a reply to speak (heard '{ended.Transcript}')");
        }

        var stt = Payload(transcript, ContractsJson.Default.SttResponse);
        var stages = new Dictionary<string, double>(ended.StageMs, StringComparer.Ordinal);
        if (Between(from, Topics.Command.Execute, Topics.Command.Result) is { } command)
        {
            stages["command"] = command;
        }

        if (Between(from, Topics.Tts.Request, Topics.Tts.Audio(Site)) is { } speech)
        {
            stages["tts_audio"] = speech;
        }

        return new PipelineRun(ended.Reason, ended.Transcript,
            (reply.ArrivedAt - lastWordAt) * 1000,
            (reply.ArrivedAt - (stt.UtteranceClosedAt ?? double.NaN)) * 1000,
            stages);
    }

    public async ValueTask DisposeAsync()
    {
        await BenchBus.StopAsync(_cli);
        await _recorder.DisposeAsync();
    }

    /// <summary>Streams the frames at real-time pace, then silence until cancelled; returns when the last voiced frame went out (Unix seconds).</summary>
    private async Task<double> StreamAsync(Utterance utterance, CancellationToken answered)
    {
        var topic = Topics.Audio.Frame(Site);
        var frames = utterance.Frames;
        var silence = new byte[frames[0].Length];
        var clock = Stopwatch.StartNew();
        var lastWordAt = double.NaN;
        for (var i = 0; !answered.IsCancellationRequested && i < frames.Length + (10_000 / FrameMs); i++)
        {
            // A microphone hands over each frame once it has been captured: frame i leaves at (i + 1) x 20 ms.
            var due = TimeSpan.FromMilliseconds((i + 1) * FrameMs) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, answered);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await _cli.PublishBinaryAsync(topic, i < frames.Length ? frames[i] : silence, cancellationToken: CancellationToken.None);
            if (i == utterance.LastSpeechFrame)
            {
                lastWordAt = TimedRecorder.UnixNow();
            }
        }

        return lastWordAt;
    }

    /// <summary>Milliseconds between the first message on one topic and the next on another, as seen on the bus.</summary>
    private double? Between(int from, string first, string then)
    {
        var messages = _recorder.Since(from);
        var start = messages.FirstOrDefault(m => m.Topic == first);
        var end = start is null ? null : messages.FirstOrDefault(m => m.Topic == then && m.Index > start.Index);
        return end is null ? null : (end.ArrivedAt - start!.ArrivedAt) * 1000;
    }

    private static string? SessionOf(TimedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope)?.SessionId;

    private static T Payload<T>(TimedMessage message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(message.Payload, ContractsJson.Default.Envelope)!.Payload.Deserialize(type)
        ?? throw new InvalidOperationException($"{message.Topic} carried no {typeof(T).Name}");
}
