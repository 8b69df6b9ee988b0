namespace Alicia.Cli;

/// <summary>A failure the user can act on: printed as one line, exit code 1 (2 for bad usage).</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, 2);
}
