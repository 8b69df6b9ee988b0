using System.Buffers.Binary;

namespace Alicia.Audio;

/// <summary>Reads and writes RIFF/WAVE files.</summary>
public static class Wav
{
    private const int HeaderBytes = 44;
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;

    // Writers that stream to a pipe cannot seek back to patch the length, so they write a huge
    // placeholder (espeak-ng and sox use 0x7FFFF000, others 0xFFFFFFFF). A claim that large is
    // read as "until the end of the input" instead of as truncation.
    private const uint StreamingLengthPlaceholder = 0x7FFF0000;

    /// <summary>
    /// Decodes a WAV file (integer PCM of 8, 16, 24 or 32 bits, or 32/64-bit float, any number of
    /// channels) into mono 16-bit audio at the file's own sample rate; channels are averaged.
    /// </summary>
    /// <exception cref="InvalidAudioException">The bytes are not a WAV file we can decode; the message says why.</exception>
    public static AudioClip Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 4 || !wav[..4].SequenceEqual("RIFF"u8))
        {
            if (wav.Length >= 4 && wav[..4].SequenceEqual("RIFX"u8))
            {
                throw new InvalidAudioException("unsupported format: big-endian RIFX");
            }

            throw new InvalidAudioException("not a WAV file (no RIFF header)");
        }

        if (wav.Length < 12)
        {
            throw new InvalidAudioException($"truncated header: {wav.Length} bytes, a RIFF/WAVE header needs at least 12");
        }

        if (!wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidAudioException($"not a WAV file (RIFF type '{Printable(wav.Slice(8, 4))}', expected 'WAVE')");
        }

        WavFormat? format = null;
        long position = 12;
        while (true)
        {
            if (position + 8 > wav.Length)
            {
                throw new InvalidAudioException(format is null
                    ? "truncated header: no fmt chunk"
                    : "truncated header: no data chunk");
            }

            var id = wav.Slice((int)position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice((int)position + 4, 4));
            int body = (int)position + 8;

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > wav.Length)
                {
                    throw new InvalidAudioException("truncated header: fmt chunk is incomplete");
                }

                int available = (int)Math.Min(size, (uint)(wav.Length - body));
                format = ParseFormat(wav.Slice(body, available));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not { } known)
                {
                    throw new InvalidAudioException("truncated header: data chunk comes before any fmt chunk");
                }

                int present = wav.Length - body;
                if (size > present && size < StreamingLengthPlaceholder)
                {
                    throw new InvalidAudioException($"data chunk claims {size} bytes but only {present} present");
                }

                int length = (int)Math.Min(size, (uint)present);
                return Decode(wav.Slice(body, length), known);
            }

            // Chunks are padded to an even length.
            position = body + (long)size + (size & 1);
        }
    }

    /// <summary>Encodes a clip as a canonical 44-byte-header RIFF/WAVE file: 16-bit mono PCM.</summary>
    public static byte[] Write(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        int dataBytes = checked(clip.Samples.Length * SpeechFormat.BytesPerSample);
        var file = new byte[HeaderBytes + dataBytes];
        var span = file.AsSpan();

        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(HeaderBytes - 8 + dataBytes));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)clip.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(clip.SampleRate * SpeechFormat.BytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], SpeechFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataBytes);
        Pcm.ToBytes(clip.Samples, span[HeaderBytes..]);
        return file;
    }

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt)
    {
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == FormatExtensible)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID.
            if (fmt.Length < 40)
            {
                throw new InvalidAudioException("truncated header: extensible fmt chunk is shorter than 40 bytes");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        var encoding = (tag, bits) switch
        {
            (FormatPcm, 8) => WavEncoding.UnsignedInt8,
            (FormatPcm, 16) => WavEncoding.SignedInt16,
            (FormatPcm, 24) => WavEncoding.SignedInt24,
            (FormatPcm, 32) => WavEncoding.SignedInt32,
            (FormatFloat, 32) => WavEncoding.Float32,
            (FormatFloat, 64) => WavEncoding.Float64,
            (FormatPcm, _) => throw new InvalidAudioException($"unsupported format: {bits}-bit integer PCM (8, 16, 24 or 32 are supported)"),
            (FormatFloat, _) => throw new InvalidAudioException($"unsupported format: {bits}-bit float (32 or 64 are supported)"),
            _ => throw new InvalidAudioException($"unsupported format: {FormatName(tag)} (format tag 0x{tag:X4}); only PCM and IEEE float are decoded"),
        };

        if (channels == 0)
        {
            throw new InvalidAudioException("unsupported format: 0 channels");
        }

        if (sampleRate == 0 || sampleRate > 1_000_000)
        {
            throw new InvalidAudioException($"unsupported format: sample rate {sampleRate} Hz");
        }

        int frameBytes = channels * (bits / 8);
        if (blockAlign == 0)
        {
            blockAlign = frameBytes;
        }
        else if (blockAlign < frameBytes)
        {
            throw new InvalidAudioException(
                $"unsupported format: block align {blockAlign} is too small for {channels} channel(s) of {bits} bits");
        }

        return new WavFormat(encoding, channels, (int)sampleRate, blockAlign);
    }

    private static AudioClip Decode(ReadOnlySpan<byte> data, WavFormat format)
    {
        int frames = data.Length / format.BlockAlign;
        if (frames == 0)
        {
            throw new InvalidAudioException("empty audio");
        }

        var samples = new short[frames];
        if (format is { Encoding: WavEncoding.SignedInt16, Channels: 1, BlockAlign: 2 })
        {
            Pcm.ToSamples(data[..(frames * 2)], samples);
        }
        else
        {
            SampleDecoder.ToMono16(data, format, samples);
        }

        return new AudioClip(samples, format.SampleRate);
    }

    private static string FormatName(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0055 => "MP3",
        _ => "compressed audio",
    };

    private static string Printable(ReadOnlySpan<byte> fourCc)
    {
        Span<char> chars = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            chars[i] = fourCc[i] is >= 0x20 and < 0x7F ? (char)fourCc[i] : '?';
        }

        return new string(chars);
    }
}
