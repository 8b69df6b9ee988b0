using System.Diagnostics;
using Alicia.Audio;
using Alicia.Contracts.Voice;
using Alicia.Speech;

namespace Alicia.Tts;

/// <summary>
/// Turns a <see cref="TtsRequest"/> into a WAV file with espeak-ng, filling what the request leaves open from the
/// service's defaults. Any number may exist; espeak-ng itself serializes the calls.
/// </summary>
public sealed class SpeechRenderer(EspeakSynthesizer synthesizer)
{
    /// <summary>Renders the request; throws <see cref="ArgumentException"/> with a message fit for the requester.</summary>
    public RenderedSpeech Render(TtsRequest request, TtsOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(defaults);
        var text = request.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("There is no text to speak.");
        }

        if (text.Length > defaults.MaxTextLength)
        {
            throw new ArgumentException($"The text is {text.Length} characters long; at most {defaults.MaxTextLength} are spoken per request.");
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            throw new ArgumentException("The text has no words to speak, only punctuation or symbols.");
        }

        var voice = string.IsNullOrWhiteSpace(request.Voice) ? defaults.DefaultVoice : request.Voice.Trim();
        var options = new SpeechOptions(voice, request.RateWpm ?? defaults.DefaultRateWpm, request.Volume ?? defaults.DefaultVolume);
        options.Validate();

        var started = Stopwatch.GetTimestamp();
        var clip = synthesizer.Synthesize(text, options);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (clip.Samples.Length == 0)
        {
            throw new ArgumentException("espeak-ng produced no audio for this text.");
        }

        return new RenderedSpeech(Wav.Write(clip), clip.Duration, elapsed, voice);
    }
}
