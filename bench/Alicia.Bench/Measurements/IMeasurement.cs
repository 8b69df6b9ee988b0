using Alicia.Bench.Reporting;

namespace Alicia.Bench.Measurements;

/// <summary>One benchmark: warms up, measures, and returns its figures.</summary>
public interface IMeasurement
{
    /// <summary>The command-line group it belongs to (bus, rpc, pipeline, stt, nlu, memory).</summary>
    string Group { get; }

    string Name { get; }

    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
