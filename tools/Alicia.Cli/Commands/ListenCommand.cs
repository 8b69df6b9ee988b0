using Alicia.Audio;
using Alicia.Contracts;

namespace Alicia.Cli.Commands;

/// <summary>
/// <c>listen FILE.wav</c>: plays the part of a satellite. Opens a session on the site, streams the file
/// as 20 ms PCM frames in real time on <c>alicia/voice/audio/{site}/frame</c>, then silence so the VAD
/// closes the utterance, and prints what every stage made of it.
/// </summary>
public sealed class ListenCommand : ICliCommand
{
    private const int FrameMs = 20;

    public string Name => "listen";

    public string Help => """
        listen FILE.wav [--site S] [--out reply.wav] [--fast] [--timeout SECONDS] [--json]
            stream a WAV as a satellite through the whole pipeline; prints transcript, intent, slots, reply and timings
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--site", "--out", "--timeout", "--host", "--port", "--secrets", "--connect-timeout");
        var clip = await AudioFiles.ReadSpeechAsync(context.Arguments.Positional(0, "the WAV file to stream"), cancellationToken);
        var timeout = TimeSpan.FromSeconds(context.Arguments.Number("--timeout", 20));
        var site = context.Arguments.Option("--site") ?? "cli";

        await using var conversation = await Conversation.OpenAsync(context, site, cancellationToken);
        var session = await conversation.StartAsync(null, timeout, cancellationToken);
        await StreamAsync(conversation, clip, realTime: !context.Arguments.Has("--fast"), cancellationToken);
        var result = await conversation.FinishAsync(session, timeout, context.Arguments.Option("--out"), cancellationToken);
        await Conversation.PrintAsync(context, result);
        return result.Reason == "nominal" ? 0 : 1;
    }

    private static async Task StreamAsync(Conversation conversation, AudioClip clip, bool realTime, CancellationToken cancellationToken)
    {
        var samplesPerFrame = SpeechFormat.SampleRate * FrameMs / 1000;
        // A second of silence after the speech: enough for the VAD's end-of-utterance window.
        var padded = new short[clip.Samples.Length + SpeechFormat.SampleRate];
        clip.Samples.CopyTo(padded, 0);
        using var pacer = realTime ? new PeriodicTimer(TimeSpan.FromMilliseconds(FrameMs)) : null;
        for (var offset = 0; offset < padded.Length; offset += samplesPerFrame)
        {
            var frame = padded.AsSpan(offset, Math.Min(samplesPerFrame, padded.Length - offset));
            await conversation.Bus.PublishBinaryAsync(Topics.Audio.Frame(conversation.Site), Pcm.ToBytes(frame), cancellationToken: cancellationToken);
            if (pacer is not null)
            {
                await pacer.WaitForNextTickAsync(cancellationToken);
            }
        }
    }
}
