namespace Alicia.Bus.Metrics;

/// <summary>A monotonically increasing count, safe to bump from any thread.</summary>
public sealed class Counter(string name, string help)
{
    private long _value;

    public string Name { get; } = name;

    public string Help { get; } = help;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Add(long amount) => Interlocked.Add(ref _value, amount);
}
