using Microsoft.Win32.SafeHandles;

namespace Alicia.Speech.Interop;

/// <summary>Owns one ps_decoder_t; ps_free also releases the configuration the decoder retained.</summary>
internal sealed class DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PocketSphinxNative.Free(handle) >= 0;
}
