using System.Diagnostics;
using System.Globalization;
using Alicia.Audio;
using Alicia.Speech.Interop;

namespace Alicia.Speech;

/// <summary>
/// Grammar-constrained speech recognition with pocketsphinx. The acoustic model and dictionary are loaded once
/// and kept warm; grammars can be switched at run time without reloading them.
/// </summary>
/// <remarks>
/// A pocketsphinx decoder is not thread-safe, so every call is serialized on this instance. An utterance is decoded
/// either at once (<see cref="Recognize(ReadOnlySpan{short})"/>) or while it is spoken (<see cref="StartUtterance"/>);
/// while a streamed utterance is open the decoder belongs to it and <see cref="Recognize(ReadOnlySpan{short})"/> refuses.
/// </remarks>
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
        // The word-exit beam (default 7e-29) let the search drop the right word ending too early in grammars with many
        // parallel words (numbers, device names): on the default intents (1008 espeak-ng utterances) 1e-40 took
        // sentence accuracy from 92.4 % to 93.5 % and "nothing matched" from 14 to 5, at the same speed; 1e-35 and
        // 1e-44 gained less, and wider phone beams as well (-beam 1e-70) added 0.3 points at a fifth of the speed.
        ["-wbeam"] = "1e-40",
        // Gaussians scored per codebook (default 4). More fit espeak-ng's female and British voices better: on the
        // default intents 94.3 % -> 95.7 % of sentences (topn 6: 94.8 %), at 46x instead of 57x real time, which
        // still leaves a 2 s command at about 45 ms of CPU, mostly spent while it is spoken.
        ["-topn"] = "8",
    };

    private const double ConfidenceMidpoint = -30;
    private const double ConfidenceScale = 4;

    private readonly Lock _lock = new();
    private readonly SphinxDecoder _decoder;
    private string? _searchName;
    private int _grammarCount;
    private bool _disposed;

    // The open streamed utterance, if any, and what it has cost so far.
    private StreamedUtterance? _stream;
    private bool _hasStreamed;
    private UtteranceConditioner? _streamConditioner;
    private long _streamSamples;
    private TimeSpan _streamWall;
    private TimeSpan _streamCpu;

    // A grammar that arrived during a streamed utterance: compiled at once (so errors are reported to the caller),
    // switched to when the utterance ends, because pocketsphinx cannot change the search inside an utterance.
    private string? _deferredSearchName;

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

            Grammar = jsgf;
            if (_stream is not null)
            {
                if (_deferredSearchName is not null)
                {
                    _decoder.RemoveSearch(_deferredSearchName);
                }

                _deferredSearchName = name;
                return;
            }

            SwitchSearch(name);
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
            RequireIdleWithGrammar();
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuClock.Now();
            var audio = UtteranceConditioner.Apply(pcm16k, Options.SampleRate, Conditioning);
            _decoder.StartUtterance();
            _decoder.Process(audio, fullUtterance: true);
            _decoder.EndUtterance();
            var (text, score) = _decoder.Hypothesis();
            var confidence = text.Length == 0 ? 0.0 : Confidence(score, (long)audio.Length * 100 / Options.SampleRate);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new Transcript(text, confidence, duration, elapsed)
            {
                DecodeCpuTime = ThreadCpuClock.Now() - cpuStarted,
                FinishTime = elapsed,
            };
        }
    }

    /// <summary>
    /// Starts decoding an utterance while it is spoken: feed it with <see cref="StreamedUtterance.Feed"/> as the audio
    /// arrives and call <see cref="StreamedUtterance.End"/> when it is over, so only the end of the search is left
    /// after the last sample. The audio is conditioned exactly as for <see cref="Recognize(ReadOnlySpan{short})"/>.
    /// </summary>
    /// <remarks>
    /// Decoding in pieces makes pocketsphinx normalize the cepstral mean with a running estimate carried from one
    /// utterance to the next (its "live" mode) instead of the mean of the whole utterance, and it stays in that mode
    /// for later whole-utterance decodes on this decoder too. Transcripts are the same in nearly all cases; scores differ.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No grammar has been set, or an utterance is already open.</exception>
    public StreamedUtterance StartUtterance()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RequireIdleWithGrammar();
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuClock.Now();
            _decoder.StartUtterance();
            var stream = new StreamedUtterance(this, isFirst: !_hasStreamed);
            _hasStreamed = true;
            _stream = stream;
            _streamSamples = 0;
            _streamConditioner = new UtteranceConditioner(Options.SampleRate, Conditioning, chunk => _decoder.Process(chunk, fullUtterance: false));
            _streamWall = Stopwatch.GetElapsedTime(started);
            _streamCpu = ThreadCpuClock.Now() - cpuStarted;
            return stream;
        }
    }

    internal void Feed(StreamedUtterance stream, ReadOnlySpan<short> pcm16k)
    {
        lock (_lock)
        {
            RequireOpen(stream);
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuClock.Now();
            try
            {
                _streamSamples += pcm16k.Length;
                _streamConditioner!.Push(pcm16k);
            }
            catch
            {
                Close();
                throw;
            }

            _streamWall += Stopwatch.GetElapsedTime(started);
            _streamCpu += ThreadCpuClock.Now() - cpuStarted;
        }
    }

    internal Transcript End(StreamedUtterance stream)
    {
        lock (_lock)
        {
            RequireOpen(stream);
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuClock.Now();
            var conditioner = _streamConditioner!;
            string text;
            int score;
            var ended = false;
            try
            {
                conditioner.Finish();
                _decoder.EndUtterance();
                ended = true;
                (text, score) = _decoder.Hypothesis();
            }
            finally
            {
                Close(endUtterance: !ended);
            }

            var finishing = Stopwatch.GetElapsedTime(started);
            var confidence = text.Length == 0 ? 0.0 : Confidence(score, conditioner.Emitted * 100 / Options.SampleRate);
            return new Transcript(text, confidence, TimeSpan.FromSeconds((double)_streamSamples / Options.SampleRate), _streamWall + finishing)
            {
                DecodeCpuTime = _streamCpu + (ThreadCpuClock.Now() - cpuStarted),
                FinishTime = finishing,
            };
        }
    }

    internal void Cancel(StreamedUtterance stream)
    {
        lock (_lock)
        {
            if (_stream == stream && !_disposed)
            {
                Close();
            }
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

    private void RequireIdleWithGrammar()
    {
        if (_searchName is null)
        {
            throw new InvalidOperationException("Set a grammar with UseGrammar before recognizing speech.");
        }

        if (_stream is not null)
        {
            throw new InvalidOperationException("A streamed utterance is open on this recognizer; end it first.");
        }
    }

    private void RequireOpen(StreamedUtterance stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stream != stream)
        {
            throw new InvalidOperationException("The streamed utterance has already ended.");
        }
    }

    /// <summary>Leaves the streamed utterance and switches to a grammar that arrived during it.</summary>
    private void Close(bool endUtterance = true)
    {
        _stream = null;
        _streamConditioner = null;
        if (endUtterance)
        {
            // Ending an abandoned utterance only tidies the decoder; its result is of no interest.
            try
            {
                _decoder.EndUtterance();
            }
            catch (SpeechEngineException)
            {
            }
        }

        if (_deferredSearchName is { } deferred)
        {
            _deferredSearchName = null;
            SwitchSearch(deferred);
        }
    }

    private void SwitchSearch(string name)
    {
        _decoder.ActivateSearch(name);
        if (_searchName is not null)
        {
            _decoder.RemoveSearch(_searchName);
        }

        _searchName = name;
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
