using System.Runtime.InteropServices;

namespace Alicia.Speech.Interop;

/// <summary>
/// The subset of libespeak-ng (speak_lib.h) that synthesis into memory needs.
/// </summary>
internal static unsafe partial class EspeakNative
{
    private const string Library = "libespeak-ng.so.1";

    /// <summary>espeak_AUDIO_OUTPUT: retrieval mode that returns only when synthesis is complete.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary>Without this flag a failed initialisation calls exit() and takes the process down.</summary>
    public const int InitializeDontExit = 0x8000;

    public const uint CharsUtf8 = 1;

    public const int ErrorOk = 0;
    public const int ErrorNotFound = 2;

    public const int ParameterRate = 1;
    public const int ParameterVolume = 2;
    public const int ParameterPitch = 3;

    public const int RateMinimum = 80;
    public const int RateMaximum = 450;

    /// <summary>Returns the output sample rate in Hz, or a negative value on failure.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferLengthMs, string? dataPath, int options);

    /// <summary>The callback receives (short* samples, int count, espeak_EVENT* events) and returns 0 to continue.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged<short*, int, EspeakEvent*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    /// <summary>Selects the best voice for the criteria; the languages field may carry a "+variant" suffix.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByProperties")]
    public static partial int SetVoiceByProperties(EspeakVoice* voiceSpec);

    /// <summary>Returns the version string and, through <paramref name="dataPath"/>, the espeak-ng-data directory.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_Info")]
    public static partial IntPtr Info(IntPtr* dataPath);

    /// <summary>The voice in use; the structure belongs to the library.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_GetCurrentVoice")]
    public static partial EspeakVoice* GetCurrentVoice();

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(
        byte* text,
        nuint size,
        uint position,
        int positionType,
        uint endPosition,
        uint flags,
        uint* uniqueIdentifier,
        void* userData);

    /// <summary>Returns a NULL-terminated array of espeak_VOICE pointers owned by the library.</summary>
    [LibraryImport(Library, EntryPoint = "espeak_ListVoices")]
    public static partial EspeakVoice** ListVoices(EspeakVoice* voiceSpec);
}
