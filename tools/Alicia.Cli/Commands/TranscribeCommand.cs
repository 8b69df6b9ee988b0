using System.Text.Json;
using Alicia.Audio;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Cli.Commands;

/// <summary><c>transcribe FILE.wav</c>: one whole utterance through the STT service.</summary>
public sealed class TranscribeCommand : ICliCommand
{
    public string Name => "transcribe";

    public string Help => """
        transcribe FILE.wav [--timeout SECONDS] [--json]
            send a WAV to the STT service and print the transcript and confidence
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--timeout", "--host", "--port", "--secrets", "--connect-timeout");
        var clip = await AudioFiles.ReadSpeechAsync(context.Arguments.Positional(0, "the WAV file to transcribe"), cancellationToken);
        MessageWaiter<SttResponse>? responses = null;
        MessageWaiter<SttError>? errors = null;
        await using var bus = await CliBus.ConnectAsync(context, b =>
        {
            responses = new MessageWaiter<SttResponse>(b, Topics.Stt.Response);
            errors = new MessageWaiter<SttError>(b, Topics.Stt.Error);
        }, cancellationToken);
        var request = await bus.PublishAsync(Topics.Stt.Request, new SttRequest(Convert.ToBase64String(Wav.Write(clip))),
            new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive }, cancellationToken);

        var timeout = TimeSpan.FromSeconds(context.Arguments.Number("--timeout", 10));
        var answered = responses!.WaitAsync(m => m.Envelope.CorrelationId == request.MessageId, timeout, "transcript from the STT service", cancellationToken);
        var failed = errors!.WaitAsync(m => m.Envelope.CorrelationId == request.MessageId, timeout, "transcript from the STT service", cancellationToken);
        if (await Task.WhenAny(answered, failed) == failed && failed.IsCompletedSuccessfully)
        {
            throw new CliException($"{failed.Result.Payload.Reason}: {failed.Result.Payload.Detail}");
        }

        var transcript = (await answered).Payload;
        await context.Out.WriteLineAsync(context.Json
            ? JsonSerializer.Serialize(transcript, CliJson.Default.SttResponse)
            : $"{transcript.Text}   (confidence {transcript.Confidence:0.00}, {transcript.AudioSeconds:0.00} s decoded in {transcript.DecodeMs:0.0} ms)");
        return transcript.Recognized ? 0 : 1;
    }
}
