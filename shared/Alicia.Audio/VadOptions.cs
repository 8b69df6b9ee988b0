using System.Globalization;

namespace Alicia.Audio;

/// <summary>
/// Settings of <see cref="VoiceActivityDetector"/>. Durations are whole milliseconds and levels are
/// decibels, so the record binds directly from JSON configuration.
/// </summary>
public sealed record VadOptions
{
    public static VadOptions Default { get; } = new();

    /// <summary>Rate of the audio fed to the detector.</summary>
    public int SampleRate { get; init; } = SpeechFormat.SampleRate;

    /// <summary>Length of one analysis frame; every frame passed to Process must have exactly this length.</summary>
    public int FrameMs { get; init; } = 20;

    /// <summary>Voiced audio needed before speech counts as started; shorter blips never start an utterance.</summary>
    public int SpeechStartMs { get; init; } = 300;

    /// <summary>Unvoiced gap tolerated while the start is being confirmed (a plosive, a breath).</summary>
    public int SpeechStartGapMs { get; init; } = 100;

    /// <summary>Silence that ends an utterance; 500 to 700 ms suits commands.</summary>
    public int SilenceEndMs { get; init; } = 600;

    /// <summary>Utterances whose voiced span (first to last voiced frame) is shorter are discarded.</summary>
    public int MinUtteranceMs { get; init; } = 400;

    /// <summary>Longest utterance audio handed out (pre-roll included); longer speech is cut here.</summary>
    public int MaxUtteranceMs { get; init; } = 10_000;

    /// <summary>Audio kept before the first voiced frame, so soft word onsets reach the recognizer.</summary>
    public int PreRollMs { get; init; } = 300;

    /// <summary>Audio kept after the last voiced frame (at most <see cref="SilenceEndMs"/>), so word endings are not clipped.</summary>
    public int TrailingMs { get; init; } = 200;

    /// <summary>Decibels above the noise floor for a frame to count as speech while not speaking.</summary>
    public double StartThresholdDb { get; init; } = 9;

    /// <summary>Decibels above the noise floor for a frame to keep counting as speech once speaking (hysteresis: at most the start threshold).</summary>
    public double ContinueThresholdDb { get; init; } = 5;

    /// <summary>Frames quieter than this (RMS, dB relative to full scale) are never speech, however quiet the room.</summary>
    public double MinSpeechLevelDbfs { get; init; } = -55;

    /// <summary>Time constant with which the noise floor follows a rise in background level (it follows a fall quickly).</summary>
    public int NoiseFloorAdaptMs { get; init; } = 1500;

    /// <summary>
    /// Upper bound for the first noise-floor estimate, which comes from the first frame: if the stream
    /// starts in the middle of speech, the floor must not start at speech level.
    /// </summary>
    public double MaxInitialNoiseFloorDbfs { get; init; } = -45;

    /// <summary>Samples in one frame.</summary>
    public int FrameSamples => (int)((long)SampleRate * FrameMs / 1000);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Require(SampleRate is >= 8000 and <= 192_000, nameof(SampleRate), SampleRate, "must be between 8000 and 192000 Hz");
        Require(FrameMs is >= 5 and <= 100, nameof(FrameMs), FrameMs, "must be between 5 and 100 ms");
        Require((long)SampleRate * FrameMs % 1000 == 0, nameof(FrameMs), FrameMs, $"must be a whole number of samples at {SampleRate} Hz");
        Require(SpeechStartMs >= FrameMs, nameof(SpeechStartMs), SpeechStartMs, $"must be at least one frame ({FrameMs} ms)");
        Require(SpeechStartGapMs >= 0, nameof(SpeechStartGapMs), SpeechStartGapMs, "must not be negative");
        Require(SilenceEndMs >= FrameMs, nameof(SilenceEndMs), SilenceEndMs, $"must be at least one frame ({FrameMs} ms); an end window of 0 would end every utterance at once");
        Require(MinUtteranceMs >= 0, nameof(MinUtteranceMs), MinUtteranceMs, "must not be negative");
        Require(PreRollMs >= 0, nameof(PreRollMs), PreRollMs, "must not be negative");
        Require(TrailingMs >= 0, nameof(TrailingMs), TrailingMs, "must not be negative");
        Require(TrailingMs <= SilenceEndMs, nameof(TrailingMs), TrailingMs, $"must not exceed SilenceEndMs ({SilenceEndMs} ms): that audio is not yet heard when the utterance ends");
        Require(MaxUtteranceMs > PreRollMs + SpeechStartMs, nameof(MaxUtteranceMs), MaxUtteranceMs, $"must exceed PreRollMs + SpeechStartMs ({PreRollMs + SpeechStartMs} ms)");
        Require(MaxUtteranceMs > MinUtteranceMs, nameof(MaxUtteranceMs), MaxUtteranceMs, $"must exceed MinUtteranceMs ({MinUtteranceMs} ms)");
        Require(double.IsFinite(StartThresholdDb) && StartThresholdDb > 0, nameof(StartThresholdDb), StartThresholdDb, "must be a positive number of dB");
        Require(double.IsFinite(ContinueThresholdDb) && ContinueThresholdDb >= 0, nameof(ContinueThresholdDb), ContinueThresholdDb, "must be zero or more dB");
        Require(ContinueThresholdDb <= StartThresholdDb, nameof(ContinueThresholdDb), ContinueThresholdDb, $"must not exceed StartThresholdDb ({StartThresholdDb} dB)");
        Require(MinSpeechLevelDbfs is >= -120 and <= 0, nameof(MinSpeechLevelDbfs), MinSpeechLevelDbfs, "must be between -120 and 0 dBFS");
        Require(NoiseFloorAdaptMs > 0, nameof(NoiseFloorAdaptMs), NoiseFloorAdaptMs, "must be positive");
        Require(MaxInitialNoiseFloorDbfs is >= -120 and <= 0, nameof(MaxInitialNoiseFloorDbfs), MaxInitialNoiseFloorDbfs, "must be between -120 and 0 dBFS");
    }

    private static void Require(bool condition, string name, double value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(
                $"VadOptions.{name} {rule} (got {value.ToString(CultureInfo.InvariantCulture)})", name);
        }
    }
}
