namespace Alicia.Cli;

/// <summary>One verb of <c>./alicia</c>.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>The usage lines shown by <c>--help</c>.</summary>
    string Help { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}
