using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>
/// The subset of libpocketsphinx (pocketsphinx.h, ps_search.h) the recognizer and the wake word spotter use.
/// Every function here takes a decoder that must not be used by two threads at once.
/// </summary>
internal static unsafe partial class PocketSphinxNative
{
    private const string Library = "libpocketsphinx.so.3";

    /// <summary>The argument definition table that cmd_ln_parse_r validates a decoder configuration against.</summary>
    [LibraryImport(Library, EntryPoint = "ps_args")]
    public static partial IntPtr Arguments();

    /// <summary>Creates a decoder; it keeps its own reference to <paramref name="config"/>.</summary>
    [LibraryImport(Library, EntryPoint = "ps_init")]
    public static partial DecoderHandle Init(IntPtr config);

    [LibraryImport(Library, EntryPoint = "ps_free")]
    public static partial int Free(IntPtr decoder);

    [LibraryImport(Library, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetJsgfString(DecoderHandle decoder, string name, string jsgf);

    /// <summary>Adds a search over a finite-state grammar; the decoder keeps its own reference to it.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_fsg", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetFsg(DecoderHandle decoder, string name, IntPtr fsg);

    /// <summary>The decoder's log tables, owned by the decoder.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_logmath")]
    public static partial IntPtr LogMath(DecoderHandle decoder);

    /// <summary>The decoder's configuration, owned by the decoder.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_config")]
    public static partial IntPtr Config(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_set_keyphrase", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetKeyphrase(DecoderHandle decoder, string name, string keyphrase);

    [LibraryImport(Library, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(DecoderHandle decoder, string name);

    [LibraryImport(Library, EntryPoint = "ps_unset_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetSearch(DecoderHandle decoder, string name);

    [LibraryImport(Library, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(DecoderHandle decoder);

    /// <summary>Returns the number of frames searched, or a negative value on error.</summary>
    [LibraryImport(Library, EntryPoint = "ps_process_raw")]
    public static partial int ProcessRaw(DecoderHandle decoder, short* data, nuint sampleCount, int noSearch, int fullUtterance);

    /// <summary>Returns a string owned by the decoder (valid until the next call), or NULL.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_hyp")]
    public static partial IntPtr GetHypothesis(DecoderHandle decoder, int* bestScore);

    /// <summary>Returns a phone string the caller must free with ckd_free, or NULL when the word is unknown.</summary>
    [LibraryImport(Library, EntryPoint = "ps_lookup_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr LookupWord(DecoderHandle decoder, string word);

    /// <summary>Returns the new word id (>= 0) or a negative value on failure.</summary>
    [LibraryImport(Library, EntryPoint = "ps_add_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWord(DecoderHandle decoder, string word, string phones, int update);
}
