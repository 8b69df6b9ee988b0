namespace Alicia.Audio;

/// <summary>
/// Cuts a stream of PCM chunks of any size into frames of a fixed number of samples, keeping whatever
/// does not fill a frame (including half a sample when a byte chunk has odd length) for the next call.
/// </summary>
/// <remarks>
/// Use: <c>framer.Append(chunk); while (framer.TryReadFrame(out var frame)) { ... }</c>.
/// A frame span points into the framer's buffer and is valid until the next Append or Reset.
/// Nothing is allocated per frame; the buffer only grows when a single chunk is larger than any before.
/// One instance per stream; not thread-safe.
/// </remarks>
public sealed class AudioFramer
{
    private short[] _buffer;
    private int _start;
    private int _end;
    private byte _pendingLowByte;
    private bool _hasPendingByte;

    public AudioFramer(int frameSamples)
    {
        if (frameSamples <= 0)
        {
            throw new ArgumentException($"frame size must be positive (got {frameSamples} samples)", nameof(frameSamples));
        }

        FrameSamples = frameSamples;
        _buffer = new short[frameSamples * 4];
    }

    /// <summary>A framer for frames of <paramref name="frameMilliseconds"/> at <paramref name="sampleRate"/>.</summary>
    public static AudioFramer ForDuration(int frameMilliseconds, int sampleRate = SpeechFormat.SampleRate)
    {
        if (sampleRate <= 0)
        {
            throw new ArgumentException($"sample rate must be positive (got {sampleRate})", nameof(sampleRate));
        }

        if (frameMilliseconds <= 0 || (long)sampleRate * frameMilliseconds % 1000 != 0)
        {
            throw new ArgumentException(
                $"a frame of {frameMilliseconds} ms is not a whole number of samples at {sampleRate} Hz", nameof(frameMilliseconds));
        }

        return new AudioFramer((int)((long)sampleRate * frameMilliseconds / 1000));
    }

    public int FrameSamples { get; }

    /// <summary>Whole samples buffered and not yet returned as a frame.</summary>
    public int PendingSamples => _end - _start;

    /// <summary>True when a byte chunk ended in the middle of a sample.</summary>
    public bool HasPendingByte => _hasPendingByte;

    public void Append(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        samples.CopyTo(MakeRoom(samples.Length));
        _end += samples.Length;
    }

    /// <summary>Appends little-endian 16-bit PCM bytes; a trailing odd byte waits for the next chunk.</summary>
    public void Append(ReadOnlySpan<byte> littleEndianPcm)
    {
        if (littleEndianPcm.IsEmpty)
        {
            return;
        }

        if (_hasPendingByte)
        {
            var target = MakeRoom(1);
            target[0] = (short)(_pendingLowByte | (littleEndianPcm[0] << 8));
            _end++;
            _hasPendingByte = false;
            littleEndianPcm = littleEndianPcm[1..];
        }

        int whole = littleEndianPcm.Length / SpeechFormat.BytesPerSample * SpeechFormat.BytesPerSample;
        if (whole > 0)
        {
            int count = whole / SpeechFormat.BytesPerSample;
            Pcm.ToSamples(littleEndianPcm[..whole], MakeRoom(count));
            _end += count;
        }

        if (whole < littleEndianPcm.Length)
        {
            _pendingLowByte = littleEndianPcm[whole];
            _hasPendingByte = true;
        }
    }

    /// <summary>Returns the next full frame, or false when less than a frame is buffered.</summary>
    public bool TryReadFrame(out ReadOnlySpan<short> frame)
    {
        if (_end - _start < FrameSamples)
        {
            frame = default;
            return false;
        }

        frame = new ReadOnlySpan<short>(_buffer, _start, FrameSamples);
        _start += FrameSamples;
        return true;
    }

    /// <summary>Hands back the partial frame left at the end of a stream (a pending odd byte is dropped) and empties the framer.</summary>
    public short[] TakeRemainder()
    {
        var rest = _buffer.AsSpan(_start, _end - _start).ToArray();
        Reset();
        return rest;
    }

    public void Reset()
    {
        _start = 0;
        _end = 0;
        _hasPendingByte = false;
    }

    private Span<short> MakeRoom(int count)
    {
        int pending = _end - _start;
        if (_end + count > _buffer.Length)
        {
            // Frames already handed out are consumed: slide the remainder to the front (or grow, rarely).
            if (pending + count > _buffer.Length)
            {
                var bigger = new short[Math.Max(_buffer.Length * 2, pending + count)];
                _buffer.AsSpan(_start, pending).CopyTo(bigger);
                _buffer = bigger;
            }
            else
            {
                _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            }

            _start = 0;
            _end = pending;
        }

        return _buffer.AsSpan(_end, count);
    }
}
