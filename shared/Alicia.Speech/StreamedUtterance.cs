namespace Alicia.Speech;

/// <summary>
/// An utterance being decoded while it is spoken (<see cref="SpeechRecognizer.StartUtterance"/>). Feed it 16 kHz mono
/// audio as it arrives; <see cref="End"/> finishes the search and gives the transcript. Disposing it without ending it
/// abandons the utterance and frees the recognizer.
/// </summary>
/// <remarks>Calls are serialized on the recognizer, so it may be fed from different threads one after the other.</remarks>
public sealed class StreamedUtterance : IDisposable
{
    private readonly SpeechRecognizer _recognizer;

    internal StreamedUtterance(SpeechRecognizer recognizer, bool isFirst)
    {
        _recognizer = recognizer;
        IsFirstOnRecognizer = isFirst;
    }

    /// <summary>
    /// The recognizer's first streamed utterance: its running cepstral mean still starts from the model's initial
    /// estimate rather than from speech heard through this input, so its transcript is less reliable than later ones.
    /// </summary>
    public bool IsFirstOnRecognizer { get; }

    /// <summary>More audio of the utterance, mono 16-bit PCM at the recognizer's sample rate; decoded before this returns.</summary>
    /// <exception cref="InvalidOperationException">The utterance has already ended.</exception>
    public void Feed(ReadOnlySpan<short> pcm) => _recognizer.Feed(this, pcm);

    /// <summary>The utterance is over: the transcript (empty text when nothing in the grammar matched).</summary>
    /// <exception cref="InvalidOperationException">The utterance has already ended.</exception>
    public Transcript End() => _recognizer.End(this);

    public void Dispose() => _recognizer.Cancel(this);
}
