using Alicia.Audio;

namespace Alicia.Speech.Evaluation;

/// <summary>
/// Measures recognition accuracy and speed by speaking sentences with espeak-ng in several voices and rates
/// and recognizing them with the recognizer's current grammar. Synthesis time is not counted.
/// </summary>
public sealed class RecognitionEvaluation
{
    private readonly SpeechRecognizer _recognizer;
    private readonly EspeakSynthesizer _synthesizer;

    public RecognitionEvaluation(SpeechRecognizer recognizer, EspeakSynthesizer synthesizer)
    {
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _synthesizer = synthesizer ?? throw new ArgumentNullException(nameof(synthesizer));
    }

    /// <summary>
    /// Recognizes every sentence in every voice at every rate. The first utterance is decoded once before
    /// measuring so the numbers describe a warm decoder.
    /// </summary>
    public EvaluationReport Run(IReadOnlyList<string> sentences, IReadOnlyList<string> voices, IReadOnlyList<int> rates)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(voices);
        ArgumentNullException.ThrowIfNull(rates);
        if (sentences.Count == 0 || voices.Count == 0 || rates.Count == 0)
        {
            throw new ArgumentException("An evaluation needs at least one sentence, voice and rate.");
        }

        var outcomes = new List<UtteranceOutcome>(sentences.Count * voices.Count * rates.Count);
        var warmedUp = false;
        foreach (var voice in voices)
        {
            foreach (var rate in rates)
            {
                foreach (var sentence in sentences)
                {
                    var audio = Speak(sentence, voice, rate);
                    if (!warmedUp)
                    {
                        _recognizer.Recognize(audio);
                        warmedUp = true;
                    }

                    outcomes.Add(Score(sentence, voice, rate, _recognizer.Recognize(audio)));
                }
            }
        }

        return new EvaluationReport(outcomes);
    }

    /// <summary>Runs the standard matrix: the sample sentences in the sample voices and rates, with the recognizer's grammar.</summary>
    public EvaluationReport RunSample() => Run(SampleGrammar.Sentences, SampleGrammar.Voices, SampleGrammar.Rates);

    private AudioClip Speak(string sentence, string voice, int rate)
    {
        var clip = _synthesizer.Synthesize(sentence, new SpeechOptions(voice, rate));
        return clip.SampleRate == _recognizer.Options.SampleRate
            ? clip
            : new AudioClip(Resampler.Resample(clip.Samples, clip.SampleRate, _recognizer.Options.SampleRate), _recognizer.Options.SampleRate);
    }

    private static UtteranceOutcome Score(string sentence, string voice, int rate, Transcript transcript)
    {
        var expected = WordAlignment.Words(sentence);
        var recognized = WordAlignment.Words(transcript.Text);
        return new UtteranceOutcome(
            sentence,
            transcript.Text,
            voice,
            rate,
            WordAlignment.EditDistance(expected, recognized),
            expected.Count,
            transcript.Confidence,
            transcript.AudioDuration,
            transcript.DecodeTime,
            transcript.DecodeCpuTime);
    }
}
