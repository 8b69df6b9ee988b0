using Alicia.Audio;
using Alicia.Bench.Infrastructure;
using Alicia.Bench.Reporting;
using Alicia.Speech;

namespace Alicia.Bench.Measurements;

/// <summary>
/// Item 7, speech: pocketsphinx (SpeechRecognizer) with the grammar the AI exports, decoding
/// espeak-ng renderings of everyday commands; real-time factor = decode time / audio duration.
/// espeak-ng's own synthesis speed comes along, as the reply half of the same loop.
/// </summary>
public sealed class SpeechRecognitionSpeed : IMeasurement
{
    private const int SpeechRate = 16_000;

    public string Group => "stt";

    public string Name => "speech recognition real-time factor";

    public Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = DemoLanguage.Compile();
        using var recognizer = new SpeechRecognizer();
        recognizer.UseGrammar(language.ToJsgf());
        using var voice = new EspeakSynthesizer();

        var synthesisRtf = new Samples();
        var clips = new List<(string Sentence, short[] Pcm, double Seconds)>();
        foreach (var sentence in DemoLanguage.Commands)
        {
            var clip = voice.Synthesize(sentence);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            clip = voice.Synthesize(sentence);
            synthesisRtf.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started) / clip.Duration);
            var pcm = WithSilence(Resampler.Resample(clip.Samples, clip.SampleRate, SpeechRate));
            clips.Add((sentence, pcm, (double)pcm.Length / SpeechRate));
        }

        recognizer.Recognize(clips[0].Pcm); // warm-up
        var rtf = new Samples();
        var decodeMs = new Samples();
        var understood = 0;
        for (var repetition = 0; repetition < context.Size.SpeechRepetitions; repetition++)
        {
            foreach (var (sentence, pcm, _) in clips)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var transcript = recognizer.Recognize(pcm);
                rtf.Add(transcript.DecodeTime / transcript.AudioDuration);
                decodeMs.Add(transcript.DecodeTime.TotalMilliseconds);
                if (repetition == 0 && language.Recognize(transcript.Text)?.Text == language.Recognize(sentence)?.Text)
                {
                    understood++;
                }
            }
        }

        var averageSeconds = clips.Average(c => c.Seconds);
        IReadOnlyList<Figure> figures =
        [
            Figure.Of("stt.rtf", "pocketsphinx decode time / audio duration (grammar of config/intents)", "x", rtf) with
            {
                Note = $"{clips.Count} espeak-ng commands of {averageSeconds:0.0} s on average (0.25 s silence each side), {context.Size.SpeechRepetitions} repetitions; " +
                    $"{understood} of {clips.Count} transcribed to the intended sentence",
            },
            Figure.Of("stt.decode", $"pocketsphinx decode of one command (~{averageSeconds:0.0} s)", "ms", decodeMs),
            Figure.Of("tts.rtf", "espeak-ng synthesis time / audio duration", "x", synthesisRtf),
        ];
        return Task.FromResult(figures);
    }

    // A microphone utterance starts and ends with some silence; the decoder expects it.
    private static short[] WithSilence(short[] speech)
    {
        var pad = new short[SpeechRate / 4];
        return [.. pad, .. speech, .. pad];
    }
}
