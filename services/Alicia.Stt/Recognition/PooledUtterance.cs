using Alicia.Speech;

namespace Alicia.Stt.Recognition;

/// <summary>
/// A <see cref="StreamedUtterance"/> on a decoder borrowed from the <see cref="RecognizerPool"/>; the decoder goes back
/// to the pool when the utterance is ended or disposed, whichever comes first.
/// </summary>
public sealed class PooledUtterance : IDisposable
{
    private readonly StreamedUtterance _utterance;
    private Action? _return;

    internal PooledUtterance(StreamedUtterance utterance, Action returnDecoder)
    {
        _utterance = utterance;
        _return = returnDecoder;
    }

    /// <inheritdoc cref="StreamedUtterance.IsFirstOnRecognizer"/>
    public bool IsFirstOnDecoder => _utterance.IsFirstOnRecognizer;

    /// <summary>Audio fed so far, in samples.</summary>
    public long FedSamples { get; private set; }

    /// <inheritdoc cref="StreamedUtterance.Feed"/>
    public void Feed(ReadOnlySpan<short> pcm16k)
    {
        _utterance.Feed(pcm16k);
        FedSamples += pcm16k.Length;
    }

    /// <inheritdoc cref="StreamedUtterance.End"/>
    public Transcript End()
    {
        try
        {
            return _utterance.End();
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _utterance.Dispose();
        Interlocked.Exchange(ref _return, null)?.Invoke();
    }
}
