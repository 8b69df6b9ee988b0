using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>Mirror of espeak_EVENT; only the fields the synthesizer reads are named.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EspeakEvent
{
    public int Type;
    public uint UniqueIdentifier;
    public int TextPosition;
    public int Length;
    public int AudioPosition;
    public int Sample;
    public IntPtr UserData;
    public long Id;

    /// <summary>espeakEVENT_LIST_TERMINATED ends every event list handed to the callback.</summary>
    public const int ListTerminated = 0;
}
