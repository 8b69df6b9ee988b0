using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>The subset of libsphinxbase (cmd_ln.h, ckd_alloc.h, logmath.h, jsgf.h, fsg_model.h) the decoders need.</summary>
internal static unsafe partial class SphinxBaseNative
{
    private const string Library = "libsphinxbase.so.3";

    /// <summary>
    /// Parses an argv-style array into a configuration, or returns NULL on an unknown or malformed argument.
    /// This is the non-variadic entry point: variadic C functions cannot be called reliably through P/Invoke.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "cmd_ln_parse_r")]
    public static partial IntPtr ParseArguments(IntPtr previous, IntPtr definitions, int argc, IntPtr* argv, int strict);

    [LibraryImport(Library, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeArguments(IntPtr config);

    [LibraryImport(Library, EntryPoint = "ckd_free")]
    public static partial void Free(IntPtr pointer);

    /// <summary>Sends sphinxbase's process-wide log to a FILE*, or switches it off when given NULL.</summary>
    [LibraryImport(Library, EntryPoint = "err_set_logfp")]
    public static partial void SetLogFile(IntPtr stream);

    [LibraryImport(Library, EntryPoint = "cmd_ln_float_r", StringMarshalling = StringMarshalling.Utf8)]
    public static partial double FloatArgument(IntPtr config, string name);

    /// <summary>Creates log tables; 1.0001 with no shift is what every decoder uses (pocketsphinx's -logbase).</summary>
    [LibraryImport(Library, EntryPoint = "logmath_init")]
    public static partial IntPtr CreateLogMath(double logBase, int shift, int useTable);

    [LibraryImport(Library, EntryPoint = "logmath_free")]
    public static partial int FreeLogMath(IntPtr logMath);

    /// <summary>Parses a JSGF grammar, or returns NULL when it does not parse.</summary>
    [LibraryImport(Library, EntryPoint = "jsgf_parse_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ParseJsgf(string jsgf, IntPtr parent);

    [LibraryImport(Library, EntryPoint = "jsgf_grammar_free")]
    public static partial void FreeJsgf(IntPtr grammar);

    /// <summary>The grammar's first public rule (owned by the grammar), or NULL.</summary>
    [LibraryImport(Library, EntryPoint = "jsgf_get_public_rule")]
    public static partial IntPtr PublicRule(IntPtr grammar);

    /// <summary>Expands a rule into a finite-state grammar the caller frees with fsg_model_free.</summary>
    [LibraryImport(Library, EntryPoint = "jsgf_build_fsg")]
    public static partial IntPtr BuildFsg(IntPtr grammar, IntPtr rule, IntPtr logMath, float languageWeight);

    /// <summary>Writes a finite-state grammar in the FSG text format to a C stream.</summary>
    [LibraryImport(Library, EntryPoint = "fsg_model_write")]
    public static partial void WriteFsg(IntPtr fsg, IntPtr stream);

    /// <summary>Reads a finite-state grammar in the FSG text format from a C stream, or returns NULL.</summary>
    [LibraryImport(Library, EntryPoint = "fsg_model_read")]
    public static partial IntPtr ReadFsg(IntPtr stream, IntPtr logMath, float languageWeight);

    [LibraryImport(Library, EntryPoint = "fsg_model_free")]
    public static partial int FreeFsg(IntPtr fsg);
}
