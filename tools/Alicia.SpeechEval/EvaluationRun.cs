using System.Diagnostics;
using Alicia.Audio;
using Alicia.Intents;
using Alicia.Speech;
using Alicia.Stt;
using Alicia.Stt.Recognition;

namespace Alicia.SpeechEval;

/// <summary>
/// Speaks every example sentence in every voice and rate, sends the WAV through the STT service's request path
/// (<see cref="UtteranceTranscriber"/>: WAV decoding, 16 kHz conversion, speech check, the service's decoder
/// settings and grammar), and scores what comes back.
/// </summary>
public sealed class EvaluationRun(EvaluationArguments arguments, Action<string> progress)
{
    private const string ShortSentence = "The kitchen light is on.";

    public EvaluationResult Execute()
    {
        var options = new SttOptions
        {
            IntentsDirectory = arguments.IntentsDirectory,
            Decoders = 1,
            DecoderArguments = new Dictionary<string, string>(arguments.DecoderArguments, StringComparer.Ordinal),
            DecodeWhileSpeaking = !arguments.DecodeAfterClose,
        };
        var directory = DefaultGrammar.Locate(options.IntentsDirectory)
            ?? throw new DirectoryNotFoundException($"intent templates '{options.IntentsDirectory}' not found");
        var intents = DemoDevices.Compile(IntentTemplates.Load(directory));
        var sentences = arguments.AsSampled
            ? intents.Examples(arguments.SentencesPerIntent).ToList()
            : NaturalSentences.Examples(intents, arguments.SentencesPerIntent);

        using var pool = new RecognizerPool(options.RecognizerModel(options.EffectiveDictionary()), options.Decoders);
        pool.UseGrammar(intents.ToJsgf(), DefaultGrammar.IntentsVersion);
        var transcriber = new UtteranceTranscriber(pool, options.MaxAudioSeconds);
        using var synthesizer = new EspeakSynthesizer();
        var noise = arguments.NoiseDbfs is { } dbfs ? new BackgroundNoise(dbfs) : null;
        var site = arguments.Streaming ? new StreamedSite(transcriber, options, noise) : null;
        Func<byte[], Heard> transcribe = site is null ? wav => Transcribe(transcriber, wav, noise) : wav => Stream(site, transcriber, wav);

        // Warm up both engines so the first measurement is not the one that loads caches.
        var warm = Wav.Write(synthesizer.Synthesize("what time is it"));
        _ = transcribe(warm);

        var results = new List<UtteranceResult>();
        foreach (var voice in arguments.Voices)
        {
            foreach (var rate in arguments.Rates)
            {
                progress($"{voice} at {rate} wpm: {sentences.Count} sentences");
                foreach (var sentence in sentences)
                {
                    var wav = Wav.Write(synthesizer.Synthesize(sentence.Text, new SpeechOptions(voice, rate)));
                    results.Add(Score(intents, sentence, voice, rate, transcribe(wav)));
                }
            }
        }

        site?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return Summarize(results, sentences.Count, TtsMilliseconds(synthesizer));
    }

    private static UtteranceResult Score(IntentRecognizer intents, IntentExample sentence, string voice, int rate, Heard result)
    {
        var expected = SentenceNormalizer.Normalize(sentence.Text);
        var (heard, error, audioSeconds, wallMs, cpuMs, latencyMs) = result;
        var words = WordErrors.Words(expected);
        var match = heard.Length == 0 ? null : intents.Recognize(heard);
        var intentCorrect = match is not null && match.Intent == sentence.Intent
            && match.Slots.Select(s => (s.Name, s.Value)).SequenceEqual(sentence.Slots.Select(s => (s.Name, s.Value)));
        return new UtteranceResult(voice, rate, sentence.Intent, expected, heard, error, words.Length,
            WordErrors.Count(words, WordErrors.Words(heard)), intentCorrect, audioSeconds, wallMs, cpuMs, latencyMs);
    }

    /// <summary>The request path: the whole WAV is decoded at once, so the wait for the transcript is all of its decoding.</summary>
    private static Heard Transcribe(UtteranceTranscriber transcriber, byte[] wav, BackgroundNoise? noise)
    {
        var audio = transcriber.ReadWav(wav);
        if (noise is not null)
        {
            audio = audio with { Samples = noise.MixInto(audio.Samples) };
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        string heard;
        string? error = null;
        try
        {
            heard = transcriber.TranscribeRecording(audio).Text;
        }
        catch (UnusableAudioException e)
        {
            heard = string.Empty;
            error = e.Reason;
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return new Heard(heard, error, audio.Duration.TotalSeconds, wall, cpuMs, wall);
    }

    /// <summary>The streaming path: decoding cost as the decoder measured it, and the wait from the VAD's decision to the transcript.</summary>
    private static Heard Stream(StreamedSite site, UtteranceTranscriber transcriber, byte[] wav)
    {
        var audio = transcriber.ReadWav(wav);
        var result = site.Transcribe(audio.Samples);
        return new Heard(result.Text, result.Error, audio.Duration.TotalSeconds, result.DecodeTime.TotalMilliseconds,
            result.DecodeCpuTime.TotalMilliseconds, result.ClosedToTranscriptMs);
    }

    /// <summary>Median time to synthesize a short reply, warm.</summary>
    private static double TtsMilliseconds(EspeakSynthesizer synthesizer)
    {
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = Wav.Write(synthesizer.Synthesize(ShortSentence));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Percentile(times, 0.5);
    }

    private EvaluationResult Summarize(List<UtteranceResult> results, int sentences, double ttsMs)
    {
        double Accuracy(IEnumerable<UtteranceResult> items)
        {
            var list = items.ToList();
            return list.Count == 0 ? 0 : (double)list.Count(r => r.Exact) / list.Count;
        }

        double WordAccuracy(IEnumerable<UtteranceResult> items)
        {
            var list = items.ToList();
            var words = list.Sum(r => r.Words);
            return words == 0 ? 0 : 1 - ((double)list.Sum(r => Math.Min(r.WordErrors, r.Words)) / words);
        }

        var audio = results.Sum(r => r.AudioSeconds);
        var wall = results.Sum(r => r.DecodeMs) / 1000;
        var cpu = results.Sum(r => r.DecodeCpuMs) / 1000;
        var twoSeconds = results.Where(r => r.AudioSeconds is >= 1.5 and <= 2.5 && r.Error is null).Select(r => r.LatencyMs).ToList();
        var byVoice = results.GroupBy(r => (r.Voice, r.RateWpm))
            .Select(g => new VoiceRateAccuracy(g.Key.Voice, g.Key.RateWpm, g.Count(), Accuracy(g), WordAccuracy(g)))
            .ToList();
        return new EvaluationResult(
            DefaultGrammar.IntentsVersion + " + demo devices" + (arguments.Streaming ? (arguments.DecodeAfterClose ? ", streamed, decoded after the VAD closes" : ", streamed, decoded while spoken") : ", requests") +
            (arguments.NoiseDbfs is { } noise ? $", white noise at {noise} dBFS" : ""),
            sentences,
            results.Count,
            Accuracy(results),
            WordAccuracy(results),
            results.Count == 0 ? 0 : (double)results.Count(r => r.IntentCorrect) / results.Count,
            audio,
            wall > 0 ? audio / wall : 0,
            cpu > 0 ? audio / cpu : 0,
            audio > 0 ? wall / audio : 0,
            twoSeconds.Count,
            Percentile(twoSeconds, 0.5),
            Percentile(twoSeconds, 0.95),
            ttsMs,
            byVoice,
            [.. results.Where(r => !r.Exact).Take(arguments.ShowFailures)]);
    }

    private static double Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
