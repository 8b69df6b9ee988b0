using System.Runtime.InteropServices;
using Alicia.Audio;
using Alicia.Speech.Interop;

namespace Alicia.Speech;

/// <summary>
/// Text to speech with espeak-ng, rendered into memory (no sound device involved).
/// </summary>
/// <remarks>
/// libespeak-ng keeps everything in process globals: the selected voice, the rate/volume/pitch parameters,
/// the synthesis callback and its internal buffers. Two threads synthesizing at once would mix each other's
/// voices and audio, so every call into the library happens under one process-wide lock, and the library is
/// initialised once per process and never terminated (espeak-ng does not support re-initialisation reliably).
/// Instances are cheap handles onto that single engine; any number may exist and be used from any thread.
/// </remarks>
public sealed class EspeakSynthesizer : IDisposable
{
    public const int DefaultMaxTextLength = 5000;

    /// <summary>
    /// Long text is synthesized in pieces of at most this many characters, releasing the lock between pieces,
    /// so a long announcement cannot hold the engine while a short interactive reply waits behind it.
    /// </summary>
    internal const int ChunkLength = 400;

    /// <summary>Milliseconds of audio espeak-ng hands to the callback at a time; bigger means fewer callbacks.</summary>
    private const int CallbackBufferMs = 500;

    private static readonly Lock EngineLock = new();
    private static int s_sampleRate;
    private static string? s_currentVoice;
    private static string? s_variantDirectory;
    private static HashSet<string> s_voiceNames = new(StringComparer.OrdinalIgnoreCase);
    private static List<short>? s_sink;

    private bool _disposed;

    public EspeakSynthesizer(int maxTextLength = DefaultMaxTextLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextLength, 1);
        MaxTextLength = maxTextLength;
        SampleRate = EnsureInitialized();
    }

    /// <summary>Sample rate of the synthesized audio as reported by espeak-ng (22050 Hz for its own voices).</summary>
    public int SampleRate { get; }

    /// <summary>Longest text (in characters) one call accepts.</summary>
    public int MaxTextLength { get; }

    /// <summary>Speaks <paramref name="text"/> into mono 16-bit audio at <see cref="SampleRate"/>.</summary>
    /// <exception cref="ArgumentException">The text is empty or too long, or an option is out of range or names an unknown voice.</exception>
    public AudioClip Synthesize(string text, SpeechOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(text);
        options ??= SpeechOptions.Default;
        options.Validate();

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("There is no text to speak.", nameof(text));
        }

        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException(
                $"The text is {text.Length} characters long; at most {MaxTextLength} can be spoken at once.", nameof(text));
        }

        var samples = new List<short>(SampleRate * 2);
        foreach (var chunk in TextChunker.Split(text, ChunkLength))
        {
            lock (EngineLock)
            {
                Apply(options);
                SynthesizeLocked(chunk, samples);
            }
        }

        return new AudioClip([.. samples], SampleRate);
    }

    /// <summary>
    /// Releases this handle. The shared espeak-ng engine stays loaded for the life of the process because
    /// the library cannot be safely terminated and re-initialised.
    /// </summary>
    public void Dispose() => _disposed = true;

    private static int EnsureInitialized()
    {
        lock (EngineLock)
        {
            if (s_sampleRate > 0)
            {
                return s_sampleRate;
            }

            var rate = EspeakNative.Initialize(
                EspeakNative.AudioOutputSynchronous, CallbackBufferMs, null, EspeakNative.InitializeDontExit);
            if (rate <= 0)
            {
                throw new SpeechEngineException(
                    $"espeak-ng failed to initialise (code {rate}); is the espeak-ng-data package installed?");
            }

            unsafe
            {
                EspeakNative.SetSynthCallback(&OnSynthesized);
                IntPtr dataPath;
                _ = EspeakNative.Info(&dataPath);
                var data = Marshal.PtrToStringUTF8(dataPath);
                s_variantDirectory = data is null ? null : Path.Combine(data, "voices", "!v");
                s_voiceNames = InstalledVoiceNames(data);
            }
            s_sampleRate = rate;
            return rate;
        }
    }

    /// <summary>Selects voice and parameters; caller holds the lock.</summary>
    private static void Apply(SpeechOptions options)
    {
        if (!string.Equals(s_currentVoice, options.Voice, StringComparison.Ordinal))
        {
            if (!SelectVoice(options.Voice))
            {
                // A failed selection may leave espeak-ng half switched; force a reload next time.
                s_currentVoice = null;
                throw new ArgumentException($"espeak-ng has no voice named '{options.Voice}'.", nameof(options));
            }

            s_currentVoice = options.Voice;
        }

        SetParameter(EspeakNative.ParameterRate, options.RateWpm);
        SetParameter(EspeakNative.ParameterVolume, options.Volume);
        SetParameter(EspeakNative.ParameterPitch, options.Pitch);
    }

    /// <summary>
    /// Selects a voice by its file name ("en-us") or, like the espeak-ng command line does, by language
    /// ("en-gb" is a language of the voice file "gmw/en"). Either form may end in a variant such as "+f3";
    /// selection by language ignores variants, so the variant is applied to the chosen voice file by name.
    /// </summary>
    private static unsafe bool SelectVoice(string voice)
    {
        var plusAt = voice.IndexOf('+', StringComparison.Ordinal);
        if (s_voiceNames.Count > 0 && !s_voiceNames.Contains(plusAt < 0 ? voice : voice[..plusAt]))
        {
            // Selection by language takes the closest match, so "en-zz" or "fr-xx" would quietly speak as en or fr.
            return false;
        }

        if (!VariantExists(voice))
        {
            // espeak-ng silently ignores an unknown variant; a caller asking for one should hear about it.
            return false;
        }

        if (EspeakNative.SetVoiceByName(voice) == EspeakNative.ErrorOk)
        {
            return true;
        }

        var plus = voice.IndexOf('+', StringComparison.Ordinal);
        var language = plus < 0 ? voice : voice[..plus];
        var variant = plus < 0 ? string.Empty : voice[plus..];
        var languagePointer = Marshal.StringToCoTaskMemUTF8(language);
        try
        {
            var criteria = new EspeakVoice { Languages = languagePointer };
            if (EspeakNative.SetVoiceByProperties(&criteria) != EspeakNative.ErrorOk)
            {
                return false;
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(languagePointer);
        }

        if (variant.Length == 0)
        {
            return true;
        }

        var current = EspeakNative.GetCurrentVoice();
        var identifier = current == null ? null : Marshal.PtrToStringUTF8(current->Identifier);
        return identifier is not null && EspeakNative.SetVoiceByName(identifier + variant) == EspeakNative.ErrorOk;
    }

    /// <summary>
    /// Every way a voice can be asked for, read from the voice files in espeak-ng-data/lang: the file's path
    /// ("gmw/en-US") and name ("en-US"), the voice's name ("Klingon") and each language it speaks ("en-us", "en").
    /// The files are read rather than asking espeak_ListVoices, which re-sorts the library's voice list and so
    /// changes which voice a later selection by language picks.
    /// </summary>
    private static HashSet<string> InstalledVoiceNames(string? dataDirectory)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var languages = dataDirectory is null ? null : Path.Combine(dataDirectory, "lang");
        if (languages is null || !Directory.Exists(languages))
        {
            return names;
        }

        foreach (var file in Directory.EnumerateFiles(languages, "*", SearchOption.AllDirectories))
        {
            names.Add(Path.GetRelativePath(languages, file).Replace(Path.DirectorySeparatorChar, '/'));
            names.Add(Path.GetFileName(file));
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (fields is ["name", var name])
                {
                    names.Add(name);
                }
                else if (fields is ["language", var language])
                {
                    names.Add(language.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
                }
            }
        }

        return names;
    }

    private static bool VariantExists(string voice)
    {
        var plus = voice.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0 || s_variantDirectory is null)
        {
            return true;
        }

        var variant = voice[(plus + 1)..];
        return variant.Length > 0
            && variant.IndexOfAny(['/', '\\', '.']) < 0
            && File.Exists(Path.Combine(s_variantDirectory, variant));
    }

    private static void SetParameter(int parameter, int value)
    {
        var result = EspeakNative.SetParameter(parameter, value, 0);
        if (result != EspeakNative.ErrorOk)
        {
            throw new SpeechEngineException($"espeak_SetParameter({parameter}, {value}) failed with code {result}.");
        }
    }

    /// <summary>Synthesizes one chunk, appending its samples to <paramref name="samples"/>; caller holds the lock.</summary>
    private static unsafe void SynthesizeLocked(string text, List<short> samples)
    {
        var utf8 = Marshal.StringToCoTaskMemUTF8(text);
        s_sink = samples;
        try
        {
            var size = (nuint)System.Text.Encoding.UTF8.GetByteCount(text) + 1;
            var result = EspeakNative.Synth((byte*)utf8, size, 0, 1, 0, EspeakNative.CharsUtf8, null, null);
            if (result != EspeakNative.ErrorOk)
            {
                throw new SpeechEngineException($"espeak_Synth failed with code {result}.");
            }
        }
        finally
        {
            s_sink = null;
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    /// <summary>
    /// espeak-ng's synthesis callback. In synchronous mode it runs on the thread inside espeak_Synth,
    /// which holds the engine lock, so the static sink belongs to that call.
    /// </summary>
    [UnmanagedCallersOnly]
    private static unsafe int OnSynthesized(short* wav, int count, EspeakEvent* events)
    {
        if (wav != null && count > 0 && s_sink is { } sink)
        {
            sink.AddRange(new ReadOnlySpan<short>(wav, count));
        }

        return 0;
    }
}
