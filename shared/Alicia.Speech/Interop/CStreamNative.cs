using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>The C library's in-memory FILE* streams (stdio.h), for sphinxbase functions that only read or write a FILE*.</summary>
internal static unsafe partial class CStreamNative
{
    private const string Library = "libc.so.6";

    /// <summary>
    /// Opens a stream that writes into a growing buffer. The C library stores the buffer's address and size through
    /// the two pointers whenever the stream is flushed or closed, so they must stay valid until fclose.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "open_memstream")]
    public static partial IntPtr OpenWriter(IntPtr* buffer, nuint* size);

    /// <summary>Opens a stream that reads <paramref name="size"/> bytes from <paramref name="buffer"/>.</summary>
    [LibraryImport(Library, EntryPoint = "fmemopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OpenReader(byte* buffer, nuint size, string mode);

    [LibraryImport(Library, EntryPoint = "fclose")]
    public static partial int Close(IntPtr stream);

    [LibraryImport(Library, EntryPoint = "free")]
    public static partial void Free(IntPtr pointer);
}
