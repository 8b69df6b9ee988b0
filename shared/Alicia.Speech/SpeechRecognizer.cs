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
    /// <summary>Decoder arguments found by evaluating synthetic speech against a home-assistant grammar.</summary>
    internal static readonly IReadOnlyDictionary<string, string> TunedArguments = new Dictionary<string, string>
    {
        ["-bestpath"] = "yes",
    };

    private readonly Lock _lock = new();
    private readonly SphinxDecoder _decoder;
    private string? _searchName;
    private int _grammarCount;
    private bool _disposed;

    public SpeechRecognizer(SpeechModelOptions? options = null)
    {
        Options = options ?? SpeechModelOptions.Default;
        _decoder = SphinxDecoder.Create(Options, TunedArguments);
    }

    public SpeechModelOptions Options { get; }

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
            _decoder.StartUtterance();
            _decoder.Process(pcm16k, fullUtterance: true);
            _decoder.EndUtterance();
            var (text, _) = _decoder.Hypothesis();
            var confidence = text.Length == 0 ? 0.0 : _decoder.Posterior();
            return new Transcript(text, confidence, duration, Stopwatch.GetElapsedTime(started));
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
