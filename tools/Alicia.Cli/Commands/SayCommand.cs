using System.Text.Json;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Cli.Commands;

/// <summary><c>say "TEXT" --out FILE.wav</c>: speech from the TTS service into a file.</summary>
public sealed class SayCommand : ICliCommand
{
    public string Name => "say";

    public string Help => """
        say "TEXT" --out FILE.wav [--voice V] [--rate WPM] [--json]
            synthesize speech with the TTS service and write it to a WAV file
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--out", "--voice", "--rate", "--timeout", "--host", "--port", "--secrets", "--connect-timeout");
        var text = string.Join(' ', context.Arguments.Positionals).Trim();
        var file = context.Arguments.Option("--out") ?? throw CliException.Usage("--out FILE.wav is required");
        if (text.Length == 0)
        {
            throw CliException.Usage("what should I say? ./alicia say \"hello\" --out hello.wav");
        }

        int? rate = context.Arguments.Option("--rate") is null ? null : (int)context.Arguments.Number("--rate", 175);
        MessageWaiter<TtsResponse>? responses = null;
        await using var bus = await CliBus.ConnectAsync(context, b => responses = new MessageWaiter<TtsResponse>(b, Topics.Tts.Response), cancellationToken);
        var request = await bus.PublishAsync(Topics.Tts.Request, new TtsRequest(text, context.Arguments.Option("--voice"), rate),
            new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive }, cancellationToken);
        var response = (await responses!.WaitAsync(m => m.Envelope.CorrelationId == request.MessageId,
            TimeSpan.FromSeconds(context.Arguments.Number("--timeout", 10)), "speech from the TTS service", cancellationToken)).Payload;
        if (response.Error is { } error)
        {
            throw new CliException(error);
        }

        await File.WriteAllBytesAsync(file, Convert.FromBase64String(response.AudioData), cancellationToken);
        var result = new SpeechResult(file, response.AudioSeconds, response.SynthesisMs, response.Voice);
        await context.Out.WriteLineAsync(context.Json
            ? JsonSerializer.Serialize(result, CliJson.Default.SpeechResult)
            : $"wrote {file}: {result.AudioSeconds:0.00} s of speech in {result.SynthesisMs:0.0} ms ({result.Voice})");
        return 0;
    }
}
