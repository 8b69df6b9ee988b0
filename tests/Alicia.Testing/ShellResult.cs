namespace Alicia.Testing;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ShellResult(int ExitCode, string StandardOutput, string StandardError);
