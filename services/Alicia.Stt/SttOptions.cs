using Alicia.Audio;
using Alicia.Speech;

namespace Alicia.Stt;

/// <summary>Settings of the speech-to-text service (configuration section <c>Services:stt</c>).</summary>
public sealed class SttOptions
{
    public const string Section = "Services:stt";

    /// <summary>The phrase that wakes a site.</summary>
    public string WakePhrase { get; set; } = WakeWordOptions.DefaultKeyphrase;

    /// <summary>
    /// pocketsphinx keyphrase threshold: larger (1e-10) misses more, smaller (1e-40) false-alarms more. With the
    /// spotter arguments below, 1e-20 heard the phrase in all 12 test streams (four espeak-ng voices at three rates,
    /// a sentence before the phrase and one after) and fired on one of 28 other sentences ("this soup is delicious").
    /// </summary>
    public double WakeThreshold { get; set; } = 1e-20;

    /// <summary>
    /// Extra arguments of the wake word spotters. The default lowers the phone-loop probability from the spotter's
    /// 1e-2: with it, a sentence spoken before the phrase left the spotter deaf to it in 7 of those 12 streams.
    /// </summary>
    public Dictionary<string, string> SpotterArguments { get; set; } = new(StringComparer.Ordinal)
    {
        ["-kws_plp"] = "1e-10",
    };

    /// <summary>
    /// Words said differently from the stock dictionary (CMU phones, e.g. { "aleesha": "AH L IY SH AH" }), for the
    /// spotters and the decoders. The wake phrase's "alicia" already gets a-LEE-sha from the spotter itself.
    /// </summary>
    public Dictionary<string, string> Pronunciations { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How the voice activity detector cuts a site's utterances. Shorter start and minimum than the detector's own
    /// defaults (300 and 400 ms): one-word commands said briskly ("stop", "help", "repeat" at 175-200 wpm) have
    /// 250-350 ms of voiced sound, and with the defaults 11 of the 1008 streamed evaluation sentences were thrown away
    /// as too short to be speech.
    /// </summary>
    public VadOptions Vad { get; set; } = new() { SpeechStartMs = 200, MinUtteranceMs = 250 };

    /// <summary>Longest utterance accepted in a request, in seconds; longer audio is refused with <c>too_long</c>.</summary>
    public double MaxAudioSeconds { get; set; } = 30;

    /// <summary>
    /// Decoders kept warm for utterances (requests and every site share them). Each holds the acoustic model
    /// (about 30 MB); two let one site's utterance decode while a request does.
    /// </summary>
    public int Decoders { get; set; } = 2;

    /// <summary>Most sites streamed at once; each has its own wake word spotter (a decoder of its own).</summary>
    public int MaxSites { get; set; } = 16;

    /// <summary>Audio chunks queued per site before the oldest are dropped (a stalled site cannot eat memory).</summary>
    public int SiteQueueChunks { get; set; } = 2000;

    /// <summary>
    /// How long audio heard right after the wake phrase is kept for the session the voice router is expected to open,
    /// so a command spoken without a pause after "hey alicia" is not lost while the session starts.
    /// </summary>
    public int WakeHoldMs { get; set; } = 3000;

    /// <summary>
    /// Decode a site's utterance while it is spoken (a decoder is held from the VAD's start of speech to its end), so
    /// that when the VAD closes the utterance only the end of the search is left. Off: the utterance is decoded as a
    /// whole after the VAD has closed it, which adds its whole decoding time to the wait for the transcript.
    /// </summary>
    public bool DecodeWhileSpeaking { get; set; } = true;

    /// <summary>Directory of the intent templates the built-in grammar is compiled from until the AI publishes one.</summary>
    public string IntentsDirectory { get; set; } = "config/intents";

    /// <summary>Acoustic model directory (pocketsphinx -hmm).</summary>
    public string ModelDirectory { get; set; } = SpeechModelOptions.DebianModelDirectory;

    /// <summary>Pronunciation dictionary (pocketsphinx -dict).</summary>
    public string Dictionary { get; set; } = SpeechModelOptions.DebianDictionary;

    /// <summary>
    /// Extra pocketsphinx arguments for the grammar decoders, e.g. { "-beam": "1e-60" }. Empty by default: the
    /// decoder tuning belongs to Alicia.Speech, which evaluates it (see docs/speech.md).
    /// </summary>
    public Dictionary<string, string> DecoderArguments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The model options of the grammar decoders, reading <paramref name="dictionary"/> (see <see cref="EffectiveDictionary"/>).</summary>
    internal SpeechModelOptions RecognizerModel(string? dictionary = null) => new()
    {
        ModelDirectory = ModelDirectory,
        Dictionary = dictionary ?? Dictionary,
        ExtraArguments = new Dictionary<string, string>(DecoderArguments, StringComparer.Ordinal),
    };

    /// <summary>The model options of the wake word spotters.</summary>
    internal SpeechModelOptions SpotterModel(string? dictionary = null) => new()
    {
        ModelDirectory = ModelDirectory,
        Dictionary = dictionary ?? Dictionary,
        ExtraArguments = new Dictionary<string, string>(SpotterArguments, StringComparer.Ordinal),
    };

    /// <summary>The dictionary file with <see cref="Pronunciations"/> applied (written once, then reused).</summary>
    internal string EffectiveDictionary() => Recognition.PronunciationDictionary.WithOverrides(Dictionary, Pronunciations);

    internal WakeWordOptions WakeWord() => new(WakePhrase, WakeThreshold);

    public SttOptions Clone() => new()
    {
        WakePhrase = WakePhrase,
        WakeThreshold = WakeThreshold,
        SpotterArguments = new Dictionary<string, string>(SpotterArguments, StringComparer.Ordinal),
        Pronunciations = new Dictionary<string, string>(Pronunciations, StringComparer.OrdinalIgnoreCase),
        Vad = Vad with { },
        MaxAudioSeconds = MaxAudioSeconds,
        Decoders = Decoders,
        MaxSites = MaxSites,
        SiteQueueChunks = SiteQueueChunks,
        WakeHoldMs = WakeHoldMs,
        DecodeWhileSpeaking = DecodeWhileSpeaking,
        IntentsDirectory = IntentsDirectory,
        ModelDirectory = ModelDirectory,
        Dictionary = Dictionary,
        DecoderArguments = new Dictionary<string, string>(DecoderArguments, StringComparer.Ordinal),
    };
}
