using System.Globalization;
using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>
/// One pocketsphinx decoder with its model loaded. Not thread-safe: the owning class serializes calls.
/// </summary>
internal sealed unsafe class SphinxDecoder : IDisposable
{
    /// <summary>
    /// Guards decoder creation and sphinxbase's process-wide log setting. pocketsphinx's "-logfn" reopens
    /// and closes a global FILE* inside ps_init, which would race with another decoder logging on another
    /// thread; logging is therefore switched off once, for the whole process, and "-logfn" is never passed.
    /// </summary>
    private static readonly Lock CreationLock = new();
    private static bool s_logSilenced;

    private readonly DecoderHandle _handle;

    private SphinxDecoder(DecoderHandle handle) => _handle = handle;

    /// <summary>Loads the model with the given mode-specific arguments; options.ExtraArguments override them.</summary>
    public static SphinxDecoder Create(SpeechModelOptions options, IReadOnlyDictionary<string, string> modeArguments)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["-hmm"] = options.ModelDirectory,
            ["-dict"] = options.Dictionary,
            ["-samprate"] = options.SampleRate.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in modeArguments)
        {
            arguments[name] = value;
        }

        foreach (var (name, value) in options.ExtraArguments)
        {
            arguments[name] = value;
        }

        var argv = arguments.SelectMany(a => new[] { a.Key, a.Value }).ToArray();
        DecoderHandle handle;
        lock (CreationLock)
        {
            if (!s_logSilenced)
            {
                SphinxBaseNative.SetLogFile(IntPtr.Zero);
                s_logSilenced = true;
            }

            using var native = new NativeArgv(argv);
            var config = SphinxBaseNative.ParseArguments(IntPtr.Zero, PocketSphinxNative.Arguments(), native.Count, native.Pointer, 1);
            if (config == IntPtr.Zero)
            {
                throw new ArgumentException(
                    $"pocketsphinx rejected the decoder arguments: {string.Join(' ', argv)}", nameof(options));
            }

            try
            {
                handle = PocketSphinxNative.Init(config);
            }
            finally
            {
                // The decoder retains its own reference, so this only drops ours; the count it returns is of no use.
                _ = SphinxBaseNative.FreeArguments(config);
            }
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new SpeechEngineException(
                $"pocketsphinx could not load the model '{options.ModelDirectory}' with dictionary '{options.Dictionary}'.");
        }

        var decoder = new SphinxDecoder(handle);
        try
        {
            foreach (var (word, phones) in options.ExtraPronunciations)
            {
                decoder.AddWord(word, phones, update: false);
            }
        }
        catch
        {
            decoder.Dispose();
            throw;
        }

        return decoder;
    }

    /// <summary>The dictionary pronunciation of a word, or null when the decoder does not know it.</summary>
    public string? LookupWord(string word)
    {
        var phones = PocketSphinxNative.LookupWord(_handle, word);
        if (phones == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(phones);
        }
        finally
        {
            SphinxBaseNative.Free(phones);
        }
    }

    /// <summary>Adds or replaces a pronunciation; with update the active searches learn the word too.</summary>
    public void AddWord(string word, string phones, bool update)
    {
        if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{word}' is not a single word.", nameof(word));
        }

        if (string.IsNullOrWhiteSpace(phones))
        {
            throw new ArgumentException($"The pronunciation of '{word}' is empty.", nameof(phones));
        }

        var normalized = string.Join(' ', phones.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var entry = FreeEntryFor(word, normalized);
        if (entry is null)
        {
            // The dictionary says it this way already.
            return;
        }

        if (PocketSphinxNative.AddWord(_handle, entry, normalized, update ? 1 : 0) < 0)
        {
            throw new ArgumentException(
                $"pocketsphinx rejected the pronunciation '{phones}' for '{word}' (a phone the acoustic model does not have?).",
                nameof(phones));
        }
    }

    /// <summary>
    /// Where a pronunciation goes: the word itself when the dictionary lacks it, otherwise the next alternative
    /// ("word(2)", "word(3)", ...), which grammar searches use alongside the others; null when one of the word's
    /// pronunciations is already this one. pocketsphinx refuses to add a word that exists, so an extra
    /// pronunciation for a known word has to be an alternative.
    /// </summary>
    private string? FreeEntryFor(string word, string phones)
    {
        for (var alternative = 1; ; alternative++)
        {
            var entry = alternative == 1 ? word : $"{word}({alternative.ToString(CultureInfo.InvariantCulture)})";
            var existing = LookupWord(entry);
            if (existing is null)
            {
                return entry;
            }

            if (string.Equals(existing.Trim(), phones, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Registers a JSGF grammar as a named search, searching its compacted graph (<see cref="WordGraphCompactor"/>:
    /// the same sentences, about half the states); returns false if pocketsphinx rejects it.
    /// </summary>
    public bool TryAddJsgfSearch(string name, string jsgf)
    {
        var graph = JsgfCompiler.Compile(jsgf);
        if (graph is null)
        {
            return PocketSphinxNative.SetJsgfString(_handle, name, jsgf) >= 0;
        }

        // The language weight scales the grammar's log probabilities, as it does for a JSGF search.
        var languageWeight = (float)SphinxBaseNative.FloatArgument(PocketSphinxNative.Config(_handle), "-lw");
        var logMath = PocketSphinxNative.LogMath(_handle);
        var fsg = CStream.Supply(WordGraphCompactor.Compact(graph).ToFsg(name), stream => SphinxBaseNative.ReadFsg(stream, logMath, languageWeight));
        if (fsg == IntPtr.Zero)
        {
            return false;
        }

        try
        {
            return PocketSphinxNative.SetFsg(_handle, name, fsg) >= 0;
        }
        finally
        {
            _ = SphinxBaseNative.FreeFsg(fsg);
        }
    }

    public bool TryAddKeyphraseSearch(string name, string keyphrase) =>
        PocketSphinxNative.SetKeyphrase(_handle, name, keyphrase) >= 0;

    public void ActivateSearch(string name) => Check(PocketSphinxNative.SetSearch(_handle, name), $"ps_set_search({name})");

    /// <summary>Drops a search that is no longer needed; failing to drop one only costs memory.</summary>
    public void RemoveSearch(string name) => _ = PocketSphinxNative.UnsetSearch(_handle, name);

    public void StartUtterance() => Check(PocketSphinxNative.StartUtterance(_handle), "ps_start_utt");

    public void EndUtterance() => Check(PocketSphinxNative.EndUtterance(_handle), "ps_end_utt");

    /// <summary>Feeds 16-bit PCM; fullUtterance says this is the whole utterance, which lets batch CMN see all of it.</summary>
    public void Process(ReadOnlySpan<short> samples, bool fullUtterance)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        fixed (short* data = samples)
        {
            Check(PocketSphinxNative.ProcessRaw(_handle, data, (nuint)samples.Length, 0, fullUtterance ? 1 : 0), "ps_process_raw");
        }
    }

    /// <summary>The best hypothesis so far (empty when there is none) and its path score.</summary>
    public (string Text, int Score) Hypothesis()
    {
        int score;
        var text = PocketSphinxNative.GetHypothesis(_handle, &score);
        return (text == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty, score);
    }

    public void Dispose() => _handle.Dispose();

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new SpeechEngineException($"pocketsphinx {call} failed with code {result}.");
        }
    }
}
