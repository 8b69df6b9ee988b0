namespace Alicia.Audio;

/// <summary>A piece of mono, 16-bit PCM audio at a known sample rate.</summary>
public sealed record AudioClip(short[] Samples, int SampleRate)
{
    // Backing fields so that `with` expressions are checked like the constructor.
    private readonly short[] _samples = RequireSamples(Samples);
    private readonly int _sampleRate = RequireRate(SampleRate);

    public short[] Samples { get => _samples; init => _samples = RequireSamples(value); }

    public int SampleRate { get => _sampleRate; init => _sampleRate = RequireRate(value); }

    public TimeSpan Duration => TimeSpan.FromTicks(Samples.LongLength * TimeSpan.TicksPerSecond / SampleRate);

    public static AudioClip Empty(int sampleRate) => new([], sampleRate);

    private static short[] RequireSamples(short[] samples) =>
        samples ?? throw new ArgumentNullException(nameof(samples));

    private static int RequireRate(int sampleRate) => sampleRate > 0
        ? sampleRate
        : throw new ArgumentException($"sample rate must be positive (got {sampleRate})", nameof(sampleRate));
}
