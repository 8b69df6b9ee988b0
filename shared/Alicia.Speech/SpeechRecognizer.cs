using System.Diagnostics;
using System.Globalization;
using Alicia.Audio;
using Alicia.Speech.Interop;

namespace Alicia.Speech;

/// <summary>
/// Grammar-constrained speech recognition with pocketsphinx. The acoustic model and dictionary are loaded once
/// and kept warm; grammars can be switched at run time without reloading them.
/// </summary>
/// <remarks>A pocketsphinx decoder is not thread-safe, so every call is serialized on this instance.</remarks>
public sealed class SpeechRecognizer : IDisposable
{
    /// <summary>
    /// Decoder arguments chosen with <see cref="Evaluation.RecognitionEvaluation"/> (sample grammar, four espeak-ng
    /// voices, three rates; numbers in this project's README).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> TunedArguments = new Dictionary<string, string>
    {
        // Filler words (silence, [NOISE], [SPEECH]) at their default probabilities swallowed short grammar words:
        // 47 % of sentences right with them, 86 % without. Noise fillers are effectively switched off; silence stays
        // possible but expensive, so a real pause between words can still be decoded.
        ["-fillprob"] = "1e-30",
        ["-silprob"] = "1e-8",
        // Spectral noise subtraction estimates a noise floor; on clean audio it only removes speech (+2-3 points).
        ["-remove_noise"] = "no",
        // Lattice rescoring changed no result on grammar searches but cost time.
        ["-bestpath"] = "no",
    };

    private const double ConfidenceMidpoint = -30;
    private const double ConfidenceScale = 4;

    private readonly Lock _lock = new();
    private readonly SphinxDecoder _decoder;
    private string? _searchName;
    private int _grammarCount;
    private bool _disposed;

    public SpeechRecognizer(SpeechModelOptions? options = null, AudioConditioning? conditioning = null)
    {
        Options = options ?? SpeechModelOptions.Default;
        Conditioning = conditioning ?? AudioConditioning.Default;
        Conditioning.Validate();
        _decoder = SphinxDecoder.Create(Options, TunedArguments);
    }

    public SpeechModelOptions Options { get; }

    /// <summary>How audio is trimmed, padded and dithered before decoding.</summary>
    public AudioConditioning Conditioning { get; }

    /// <summary>The JSGF grammar in use, or null before the first <see cref="UseGrammar"/>.</summary>
    public string? Grammar { get; private set; }

    /// <summary>
    /// Switches to a JSGF grammar. Every public rule is an entry point. On failure the previous grammar stays active.
    /// </summary>
    /// <exception cref="InvalidGrammarException">The grammar does not parse or uses words missing from the dictionary.</exception>
    public void UseGrammar(string jsgf)
    {
        ArgumentNullException.ThrowIfNull(jsgf);
        if (string.IsNullOrWhiteSpace(jsgf))
        {
            throw new InvalidGrammarException("The grammar is empty.");
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (JsgfGrammar.PublicRules(jsgf).Count == 0)
            {
                throw new InvalidGrammarException("The grammar has no public rule, so there is nothing to recognize.");
            }

            var undefined = JsgfGrammar.UndefinedRules(jsgf);
            if (undefined.Count > 0)
            {
                throw new InvalidGrammarException(
                    $"The grammar refers to rules it does not define: {string.Join(", ", undefined.Select(r => $"<{r}>"))}.");
            }

            var missing = JsgfGrammar.Words(jsgf).Where(w => _decoder.LookupWord(w) is null).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidGrammarException(
                    $"The grammar uses words missing from the pronunciation dictionary: {string.Join(", ", missing)}. " +
                    "Add them with AddWord or SpeechModelOptions.ExtraPronunciations.",
                    missing);
            }

            // A fresh search name per grammar: the old search stays intact until the new one is fully built.
            var name = "grammar" + (++_grammarCount).ToString(CultureInfo.InvariantCulture);
            if (!_decoder.TryAddJsgfSearch(name, JsgfGrammar.WithSingleEntryRule(jsgf)))
            {
                throw new InvalidGrammarException("pocketsphinx could not compile the grammar; check its JSGF syntax.");
            }

            _decoder.ActivateSearch(name);
            if (_searchName is not null)
            {
                _decoder.RemoveSearch(_searchName);
            }

            _searchName = name;
            Grammar = jsgf;
        }
    }

    /// <summary>Whether the pronunciation dictionary (plus any added words) knows <paramref name="word"/>.</summary>
    public bool IsInDictionary(string word)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _decoder.LookupWord(word) is not null;
        }
    }

    /// <summary>Adds a word with its pronunciation in CMU phones, e.g. AddWord("alicia", "AH L IY SH AH").</summary>
    public void AddWord(string word, string phones)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _decoder.AddWord(word, phones, update: true);
        }
    }

    /// <summary>Recognizes one utterance of mono 16-bit PCM at <see cref="SpeechModelOptions.SampleRate"/> (16 kHz by default).</summary>
    /// <exception cref="InvalidOperationException">No grammar has been set.</exception>
    public Transcript Recognize(ReadOnlySpan<short> pcm16k)
    {
        var duration = TimeSpan.FromSeconds((double)pcm16k.Length / Options.SampleRate);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_searchName is null)
            {
                throw new InvalidOperationException("Set a grammar with UseGrammar before recognizing speech.");
            }

            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuClock.Now();
            var audio = AudioConditioner.Apply(pcm16k, Options.SampleRate, Conditioning);
            _decoder.StartUtterance();
            _decoder.Process(audio, fullUtterance: true);
            _decoder.EndUtterance();
            var (text, score) = _decoder.Hypothesis();
            var confidence = text.Length == 0 ? 0.0 : Confidence(score, (long)audio.Length * 100 / Options.SampleRate);
            return new Transcript(text, confidence, duration, Stopwatch.GetElapsedTime(started))
            {
                DecodeCpuTime = ThreadCpuClock.Now() - cpuStarted,
            };
        }
    }

    /// <summary>Recognizes a clip of any sample rate, resampling it to the decoder's rate first.</summary>
    public Transcript Recognize(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var samples = clip.SampleRate == Options.SampleRate
            ? clip.Samples
            : Resampler.Resample(clip.Samples, clip.SampleRate, Options.SampleRate);
        return Recognize(samples);
    }

    /// <summary>
    /// A heuristic confidence from the best path's score per 10 ms frame. With a grammar search pocketsphinx's
    /// posterior (ps_get_prob) is always 1, so it says nothing. The path score per frame is lower when the audio
    /// fits the grammar badly: on the sample evaluation, exact results had a median of -26 and wrong ones -32,
    /// and speech outside the grammar scores lower still. A logistic centred on -30 maps that to 0..1.
    /// </summary>
    internal static double Confidence(int pathScore, long frames)
    {
        var perFrame = (double)pathScore / Math.Max(1, frames);
        return 1.0 / (1.0 + Math.Exp(-(perFrame - ConfidenceMidpoint) / ConfidenceScale));
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _decoder.Dispose();
        }
    }
}
