namespace Alicia.Audio;

/// <summary>
/// Energy-based voice activity detection for one audio stream (one instance per site).
/// </summary>
/// <remarks>
/// Each frame's RMS level is compared with an adaptive noise floor: speech must rise
/// <see cref="VadOptions.StartThresholdDb"/> above it to start and only
/// <see cref="VadOptions.ContinueThresholdDb"/> to continue (hysteresis, so syllable dips do not end
/// an utterance). The floor follows falls in background level quickly and rises slowly, mostly outside
/// speech, so steady fans and hum become background instead of triggering.
/// Processing a frame allocates nothing; an allocation happens only when an event is reported.
/// Not thread-safe: feed each stream from one thread at a time.
/// </remarks>
public sealed class VoiceActivityDetector
{
    // While a frame is voiced the floor still creeps up, this many times slower, so a noise that
    // starts and never stops (a fan switched on) is eventually learned instead of being speech forever.
    private const double RiseSlowdownWhileVoiced = 5;

    // The floor follows a drop in level with this time constant: quiet gaps re-establish it quickly.
    private const double FallTimeConstantMs = 80;

    private readonly int _startFrames;
    private readonly int _startGapFrames;
    private readonly int _silenceEndFrames;
    private readonly long _minSpeechSamples;
    private readonly long _maxUtteranceSamples;
    private readonly long _preRollSamples;
    private readonly long _trailingSamples;
    private readonly double _riseAlpha;
    private readonly double _fallAlpha;
    private readonly short[] _ring;
    private readonly AudioFramer _framer;

    private long _written;

    // End of the last audio handed out: pre-roll of the next utterance never reaches back before it,
    // so speech cut at the maximum length continues without repeating audio.
    private long _handedOutUntil;
    private double _noiseFloorDbfs;
    private bool _hasNoiseFloor;
    private State _state;

    // Candidate start (State.Confirming): voiced frames seen and the current unvoiced gap.
    private long _candidateStart;
    private int _candidateVoicedFrames;
    private int _candidateGapFrames;

    // Current utterance (State.Speaking), as absolute sample positions in the stream.
    private long _utteranceStart;
    private long _speechStart;
    private long _lastVoicedEnd;
    private int _silentFrames;

    public VoiceActivityDetector(VadOptions? options = null)
    {
        Options = options ?? VadOptions.Default;
        Options.Validate();

        FrameSamples = Options.FrameSamples;
        _startFrames = CeilingDivide(Options.SpeechStartMs, Options.FrameMs);
        _startGapFrames = Options.SpeechStartGapMs / Options.FrameMs;
        _silenceEndFrames = CeilingDivide(Options.SilenceEndMs, Options.FrameMs);
        _minSpeechSamples = ToSamples(Options.MinUtteranceMs);
        _maxUtteranceSamples = ToSamples(Options.MaxUtteranceMs);
        _preRollSamples = ToSamples(Options.PreRollMs);
        _trailingSamples = ToSamples(Options.TrailingMs);
        _riseAlpha = 1 - Math.Exp(-(double)Options.FrameMs / Options.NoiseFloorAdaptMs);
        _fallAlpha = 1 - Math.Exp(-Options.FrameMs / FallTimeConstantMs);

        // History must cover the longest possible start confirmation plus pre-roll, and a whole utterance.
        long longestConfirmation = (_startFrames + ((long)(_startFrames - 1) * _startGapFrames)) * FrameSamples;
        _ring = new short[_maxUtteranceSamples + _preRollSamples + longestConfirmation + FrameSamples];
        _framer = new AudioFramer(FrameSamples);
    }

    private enum State
    {
        Silent,
        Confirming,
        Speaking,
    }

    public VadOptions Options { get; }

    /// <summary>Samples every frame passed to <see cref="Process"/> must have.</summary>
    public int FrameSamples { get; }

    /// <summary>True between <see cref="SpeechStarted"/> and the end of that utterance.</summary>
    public bool IsSpeaking => _state == State.Speaking;

    /// <summary>Current background level estimate (RMS dBFS).</summary>
    public double NoiseFloorDbfs => _noiseFloorDbfs;

    /// <summary>How much audio has been processed (whole frames).</summary>
    public TimeSpan Position => ToTime(_written);

    /// <summary>
    /// Analyses one frame of exactly <see cref="FrameSamples"/> samples. Returns the event this frame
    /// caused (<see cref="SpeechStarted"/>, <see cref="UtteranceEnded"/> or <see cref="UtteranceDiscarded"/>), or null.
    /// </summary>
    public VadEvent? Process(ReadOnlySpan<short> frame)
    {
        if (frame.Length != FrameSamples)
        {
            throw new ArgumentException(
                $"a frame must have {FrameSamples} samples ({Options.FrameMs} ms at {Options.SampleRate} Hz), got {frame.Length}; use AudioFramer or ProcessChunk for arbitrary chunks",
                nameof(frame));
        }

        long frameStart = _written;
        Remember(frame);
        long frameEnd = _written;

        double level = FrameLevel.Dbfs(frame);
        if (!_hasNoiseFloor)
        {
            _noiseFloorDbfs = Math.Min(level, Options.MaxInitialNoiseFloorDbfs);
            _hasNoiseFloor = true;
        }

        double threshold = _state == State.Speaking ? Options.ContinueThresholdDb : Options.StartThresholdDb;
        bool voiced = level >= Options.MinSpeechLevelDbfs && level >= _noiseFloorDbfs + threshold;
        AdaptNoiseFloor(level);

        return _state switch
        {
            State.Silent => voiced ? BeginConfirming(frameStart, frameEnd) : null,
            State.Confirming => Confirm(voiced, frameEnd),
            _ => ContinueSpeaking(voiced, frameEnd),
        };
    }

    /// <summary>
    /// Feeds little-endian 16-bit PCM of any length (an MQTT audio chunk), framing it internally, and
    /// adds any events to <paramref name="events"/>. Returns how many were added.
    /// </summary>
    public int ProcessChunk(ReadOnlySpan<byte> littleEndianPcm, ICollection<VadEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _framer.Append(littleEndianPcm);
        return DrainFramer(events);
    }

    /// <inheritdoc cref="ProcessChunk(ReadOnlySpan{byte}, ICollection{VadEvent})"/>
    public int ProcessChunk(ReadOnlySpan<short> samples, ICollection<VadEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _framer.Append(samples);
        return DrainFramer(events);
    }

    /// <summary>
    /// Ends the stream: an utterance in progress is handed out (or discarded if too short) with
    /// reason <see cref="UtteranceEndReason.EndOfStream"/>. Audio short of a whole frame is dropped.
    /// The noise floor and position are kept; call <see cref="Reset"/> for a new stream.
    /// </summary>
    public VadEvent? Flush()
    {
        _framer.Reset();
        if (_state == State.Speaking)
        {
            return EndUtterance(UtteranceEndReason.EndOfStream, _written);
        }

        _state = State.Silent;
        return null;
    }

    /// <summary>Forgets everything: position, noise floor, buffered audio.</summary>
    public void Reset()
    {
        _framer.Reset();
        _written = 0;
        _handedOutUntil = 0;
        _hasNoiseFloor = false;
        _noiseFloorDbfs = 0;
        _state = State.Silent;
    }

    /// <summary>
    /// Cuts leading and trailing silence from a whole recording, keeping
    /// <see cref="VadOptions.PreRollMs"/> before the first and <see cref="VadOptions.TrailingMs"/> after
    /// the last voiced frame. The noise floor is the recording's quieter frames (10th percentile).
    /// A recording with no speech at all comes back empty. Works at the clip's own sample rate.
    /// </summary>
    public static AudioClip Trim(AudioClip clip, VadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clip);
        options ??= VadOptions.Default;
        options.Validate();

        int frameSamples = Math.Max(1, (int)((long)clip.SampleRate * options.FrameMs / 1000));
        int frames = clip.Samples.Length / frameSamples;
        if (frames == 0)
        {
            return clip;
        }

        var levels = new double[frames];
        for (int i = 0; i < frames; i++)
        {
            levels[i] = FrameLevel.Dbfs(clip.Samples.AsSpan(i * frameSamples, frameSamples));
        }

        var sorted = (double[])levels.Clone();
        Array.Sort(sorted);
        double noiseFloor = sorted[frames / 10];
        double threshold = Math.Max(noiseFloor + options.StartThresholdDb, options.MinSpeechLevelDbfs);

        int first = Array.FindIndex(levels, level => level >= threshold);
        if (first < 0)
        {
            return AudioClip.Empty(clip.SampleRate);
        }

        int last = Array.FindLastIndex(levels, level => level >= threshold);
        long start = Math.Max(0, ((long)first * frameSamples) - ((long)options.PreRollMs * clip.SampleRate / 1000));
        long end = Math.Min(clip.Samples.Length, ((long)(last + 1) * frameSamples) + ((long)options.TrailingMs * clip.SampleRate / 1000));
        return new AudioClip(clip.Samples[(int)start..(int)end], clip.SampleRate);
    }

    private SpeechStarted? BeginConfirming(long frameStart, long frameEnd)
    {
        _state = State.Confirming;
        _candidateStart = frameStart;
        _candidateVoicedFrames = 1;
        _candidateGapFrames = 0;
        return _candidateVoicedFrames >= _startFrames ? StartSpeaking(frameEnd) : null;
    }

    private SpeechStarted? Confirm(bool voiced, long frameEnd)
    {
        if (!voiced)
        {
            if (++_candidateGapFrames > _startGapFrames)
            {
                _state = State.Silent;
            }

            return null;
        }

        _candidateGapFrames = 0;
        return ++_candidateVoicedFrames >= _startFrames ? StartSpeaking(frameEnd) : null;
    }

    private SpeechStarted StartSpeaking(long frameEnd)
    {
        _state = State.Speaking;
        _speechStart = _candidateStart;
        _utteranceStart = Math.Max(_handedOutUntil, _candidateStart - _preRollSamples);
        _lastVoicedEnd = frameEnd;
        _silentFrames = 0;
        return new SpeechStarted(ToTime(_speechStart), ToTime(frameEnd));
    }

    private VadEvent? ContinueSpeaking(bool voiced, long frameEnd)
    {
        if (voiced)
        {
            _lastVoicedEnd = frameEnd;
            _silentFrames = 0;
        }
        else if (++_silentFrames >= _silenceEndFrames)
        {
            return EndUtterance(UtteranceEndReason.Silence, frameEnd);
        }

        return frameEnd - _utteranceStart >= _maxUtteranceSamples
            ? EndUtterance(UtteranceEndReason.MaxLength, frameEnd)
            : null;
    }

    private VadEvent EndUtterance(UtteranceEndReason reason, long decidedAt)
    {
        _state = State.Silent;
        long speechEnd = _lastVoicedEnd;
        if (reason != UtteranceEndReason.MaxLength && speechEnd - _speechStart < _minSpeechSamples)
        {
            return new UtteranceDiscarded(ToTime(_speechStart), ToTime(speechEnd), ToTime(decidedAt));
        }

        long audioEnd = reason == UtteranceEndReason.MaxLength
            ? _utteranceStart + _maxUtteranceSamples
            : Math.Min(speechEnd + _trailingSamples, decidedAt);
        var audio = new AudioClip(Recall(_utteranceStart, audioEnd), Options.SampleRate);
        _handedOutUntil = audioEnd;
        return new UtteranceEnded(
            audio,
            reason,
            ToTime(_utteranceStart),
            ToTime(_speechStart),
            ToTime(Math.Min(speechEnd, audioEnd)),
            ToTime(decidedAt));
    }

    private void AdaptNoiseFloor(double level)
    {
        if (level < _noiseFloorDbfs)
        {
            _noiseFloorDbfs += (level - _noiseFloorDbfs) * _fallAlpha;
        }
        else
        {
            bool backgroundLike = level < _noiseFloorDbfs + Options.ContinueThresholdDb;
            double alpha = backgroundLike ? _riseAlpha : _riseAlpha / RiseSlowdownWhileVoiced;
            _noiseFloorDbfs += (level - _noiseFloorDbfs) * alpha;
        }

        _noiseFloorDbfs = Math.Max(_noiseFloorDbfs, FrameLevel.FloorDbfs);
    }

    private int DrainFramer(ICollection<VadEvent> events)
    {
        int added = 0;
        while (_framer.TryReadFrame(out var frame))
        {
            if (Process(frame) is { } happened)
            {
                events.Add(happened);
                added++;
            }
        }

        return added;
    }

    private void Remember(ReadOnlySpan<short> frame)
    {
        int at = (int)(_written % _ring.Length);
        int firstPart = Math.Min(frame.Length, _ring.Length - at);
        frame[..firstPart].CopyTo(_ring.AsSpan(at));
        frame[firstPart..].CopyTo(_ring);
        _written += frame.Length;
    }

    private short[] Recall(long from, long to)
    {
        var copy = new short[to - from];
        int at = (int)(from % _ring.Length);
        int firstPart = (int)Math.Min(copy.Length, _ring.Length - at);
        _ring.AsSpan(at, firstPart).CopyTo(copy);
        _ring.AsSpan(0, copy.Length - firstPart).CopyTo(copy.AsSpan(firstPart));
        return copy;
    }

    private long ToSamples(int milliseconds) => (long)Options.SampleRate * milliseconds / 1000;

    private TimeSpan ToTime(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / Options.SampleRate);

    private static int CeilingDivide(int value, int divisor) => (value + divisor - 1) / divisor;
}
