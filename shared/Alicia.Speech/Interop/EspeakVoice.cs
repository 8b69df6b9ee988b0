using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>Mirror of espeak_VOICE, used only to list the installed voices.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EspeakVoice
{
    public IntPtr Name;
    public IntPtr Languages;
    public IntPtr Identifier;
    public byte Gender;
    public byte Age;
    public byte Variant;
    public byte Reserved;
    public int Score;
    public IntPtr Spare;
}
