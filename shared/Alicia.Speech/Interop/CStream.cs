using System.Runtime.InteropServices;
using System.Text;

namespace Alicia.Speech.Interop;

/// <summary>Hands text to, and takes text from, C functions that read or write a FILE*, without temporary files.</summary>
internal static unsafe class CStream
{
    /// <summary>What <paramref name="write"/> writes to the stream it is given, as text.</summary>
    public static string Capture(Action<IntPtr> write)
    {
        // Locals of this frame: they stay put until fclose below, as open_memstream requires.
        IntPtr buffer = IntPtr.Zero;
        nuint size = 0;
        var stream = CStreamNative.OpenWriter(&buffer, &size);
        if (stream == IntPtr.Zero)
        {
            throw new SpeechEngineException("open_memstream failed: out of memory.");
        }

        try
        {
            write(stream);
        }
        finally
        {
            _ = CStreamNative.Close(stream);
        }

        try
        {
            return Marshal.PtrToStringUTF8(buffer, checked((int)size));
        }
        finally
        {
            CStreamNative.Free(buffer);
        }
    }

    /// <summary>Gives <paramref name="read"/> a stream holding <paramref name="text"/>.</summary>
    public static T Supply<T>(string text, Func<IntPtr, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* data = bytes)
        {
            var stream = CStreamNative.OpenReader(data, (nuint)bytes.Length, "r");
            if (stream == IntPtr.Zero)
            {
                throw new SpeechEngineException("fmemopen failed: out of memory.");
            }

            try
            {
                return read(stream);
            }
            finally
            {
                _ = CStreamNative.Close(stream);
            }
        }
    }
}
