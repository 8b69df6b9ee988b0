using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>
/// A C argv array (char*[]) of UTF-8 strings in unmanaged memory, freed on dispose.
/// cmd_ln_parse_r copies what it keeps, so the array only has to outlive that call.
/// </summary>
internal sealed unsafe class NativeArgv : IDisposable
{
    private readonly IntPtr[] _strings;
    private IntPtr _array;

    public NativeArgv(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _strings = new IntPtr[arguments.Count];
        _array = Marshal.AllocCoTaskMem(IntPtr.Size * (arguments.Count + 1));
        var slots = (IntPtr*)_array;
        for (var i = 0; i < arguments.Count; i++)
        {
            _strings[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            slots[i] = _strings[i];
        }

        // argv arrays are NULL-terminated by convention; the parser relies on argc, but this costs nothing.
        slots[arguments.Count] = IntPtr.Zero;
    }

    public int Count => _strings.Length;

    public IntPtr* Pointer => (IntPtr*)_array;

    public void Dispose()
    {
        if (_array == IntPtr.Zero)
        {
            return;
        }

        foreach (var s in _strings)
        {
            Marshal.FreeCoTaskMem(s);
        }

        Marshal.FreeCoTaskMem(_array);
        _array = IntPtr.Zero;
    }
}
