namespace Alicia.Cli;

/// <summary>What every verb gets: its arguments, where to write, and how to reach the broker.</summary>
public sealed record CliContext(CliArguments Arguments, TextWriter Out, TextWriter Error, CliSettings Settings)
{
    public bool Json => Arguments.Json;
}
