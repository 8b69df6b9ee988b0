using System.Collections.Concurrent;
using Alicia.Speech;

namespace Alicia.Stt.Recognition;

/// <summary>
/// A fixed set of warm pocketsphinx grammar decoders shared by requests and every site. A decoder serves one
/// utterance at a time, so several decode side by side; all of them always use the same grammar.
/// </summary>
public sealed class RecognizerPool : IDisposable
{
    private readonly SpeechRecognizer[] _recognizers;
    private readonly ConcurrentBag<SpeechRecognizer> _idle;
    private readonly SemaphoreSlim _available;
    private readonly Lock _grammarLock = new();
    private bool _disposed;

    public RecognizerPool(SpeechModelOptions model, int size)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Model = model;
        _recognizers = new SpeechRecognizer[size];
        try
        {
            for (var i = 0; i < size; i++)
            {
                _recognizers[i] = new SpeechRecognizer(model);
            }
        }
        catch
        {
            foreach (var recognizer in _recognizers)
            {
                recognizer?.Dispose();
            }

            throw;
        }

        _idle = new ConcurrentBag<SpeechRecognizer>(_recognizers);
        _available = new SemaphoreSlim(size, size);
    }

    public SpeechModelOptions Model { get; }

    public int Size => _recognizers.Length;

    /// <summary>The grammar in use (without the sentences whose words have no pronunciation), or null before the first.</summary>
    public string? Grammar { get; private set; }

    /// <summary>The version of the grammar in use.</summary>
    public string? GrammarVersion { get; private set; }

    /// <summary>
    /// Switches every decoder to <paramref name="jsgf"/>. Words missing from the dictionary do not fail the switch:
    /// the sentences using them are left out and the words reported. When the grammar cannot be used at all, the
    /// previous one stays.
    /// </summary>
    /// <exception cref="InvalidGrammarException">The grammar does not parse, or nothing is left of it.</exception>
    public GrammarChange UseGrammar(string jsgf, string version)
    {
        ArgumentNullException.ThrowIfNull(jsgf);
        ArgumentNullException.ThrowIfNull(version);
        lock (_grammarLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var first = _recognizers[0];
            IReadOnlyList<string> missing = [];
            var usable = jsgf;
            try
            {
                first.UseGrammar(usable);
            }
            catch (InvalidGrammarException e) when (e.MissingWords.Count > 0)
            {
                missing = e.MissingWords;
                try
                {
                    usable = JsgfPruner.Prune(jsgf, missing);
                }
                catch (FormatException parse)
                {
                    throw new InvalidGrammarException(parse.Message, parse);
                }

                first.UseGrammar(usable);
            }

            for (var i = 1; i < _recognizers.Length; i++)
            {
                _recognizers[i].UseGrammar(usable);
            }

            Grammar = usable;
            GrammarVersion = version;
            return new GrammarChange(version, missing);
        }
    }

    /// <summary>Whether the pronunciation dictionary knows <paramref name="word"/>.</summary>
    public bool IsInDictionary(string word) => _recognizers[0].IsInDictionary(word);

    /// <summary>Decodes one utterance of 16 kHz mono audio on the next free decoder (waiting for one if all are busy).</summary>
    public Transcript Recognize(ReadOnlySpan<short> speech16k, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _available.Wait(cancellationToken);
        if (!_idle.TryTake(out var recognizer))
        {
            _available.Release();
            throw new InvalidOperationException("No idle decoder although the pool signalled one.");
        }

        try
        {
            return recognizer.Recognize(speech16k);
        }
        finally
        {
            Return(recognizer);
        }
    }

    private void Return(SpeechRecognizer recognizer)
    {
        _idle.Add(recognizer);
        try
        {
            _available.Release();
        }
        catch (ObjectDisposedException)
        {
            // A streamed utterance can outlive the pool when a site is torn down after it; nothing waits any more.
        }
    }

    /// <summary>
    /// Starts decoding an utterance while it is spoken, on a decoder that stays with it until the returned utterance
    /// is ended or disposed. Null when every decoder is busy: a stream must not wait (its audio keeps coming), so
    /// the caller decodes the utterance as a whole when it is over instead.
    /// </summary>
    public PooledUtterance? TryStartUtterance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_available.Wait(0))
        {
            return null;
        }

        if (!_idle.TryTake(out var recognizer))
        {
            _available.Release();
            throw new InvalidOperationException("No idle decoder although the pool signalled one.");
        }

        try
        {
            return new PooledUtterance(recognizer.StartUtterance(), () => Return(recognizer));
        }
        catch
        {
            Return(recognizer);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_grammarLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        foreach (var recognizer in _recognizers)
        {
            recognizer.Dispose();
        }

        _available.Dispose();
    }
}
