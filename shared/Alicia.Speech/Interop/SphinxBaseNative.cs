using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>The subset of libsphinxbase (cmd_ln.h, ckd_alloc.h, logmath.h) the decoder setup needs.</summary>
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
}
