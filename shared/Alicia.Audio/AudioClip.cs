namespace Alicia.Audio;

/// <summary>A piece of mono, 16-bit PCM audio at a known sample rate.</summary>
public sealed record AudioClip(short[] Samples, int SampleRate)
{
    public short[] Samples { get; init; } = Samples ?? throw new ArgumentNullException(nameof(Samples));

    public int SampleRate { get; init; } = SampleRate > 0
        ? SampleRate
        : throw new ArgumentException($"sample rate must be positive (got {SampleRate})", nameof(SampleRate));

    public TimeSpan Duration => TimeSpan.FromTicks(Samples.LongLength * TimeSpan.TicksPerSecond / SampleRate);

    public static AudioClip Empty(int sampleRate) => new([], sampleRate);
}
