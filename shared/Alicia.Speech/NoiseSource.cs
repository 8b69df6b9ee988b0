namespace Alicia.Speech;

/// <summary>
/// Deterministic low-level noise (uniform in [-amplitude, amplitude]) for replacing digital silence.
/// xorshift32: tiny, fast and repeatable; statistical quality is irrelevant at a few LSB.
/// </summary>
internal sealed class NoiseSource(int amplitude)
{
    private const uint Seed = 2463534242u;

    private readonly uint _range = (uint)((2 * amplitude) + 1);
    private uint _state = Seed;

    public short[] AddTo(ReadOnlySpan<short> samples)
    {
        var output = samples.ToArray();
        AddInPlace(output);
        return output;
    }

    public void AddInPlace(Span<short> samples)
    {
        if (amplitude == 0)
        {
            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            var noise = (int)(_state % _range) - amplitude;
            samples[i] = (short)Math.Clamp(samples[i] + noise, short.MinValue, short.MaxValue);
        }
    }
}
