using System.Diagnostics;

namespace Alicia.Testing;

/// <summary>Runs a command to completion, capturing its output (for the repository's scripts and tools).</summary>
public static class Shell
{
    /// <summary>Runs the command; returns its exit code and output without judging them.</summary>
    public static async Task<ShellResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ShellResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs the command and throws, with its output, unless it exits 0.</summary>
    public static async Task<ShellResult> RunCheckedAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct = default)
    {
        var argumentList = arguments.ToList();
        var result = await RunAsync(fileName, argumentList, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', argumentList)} exited with {result.ExitCode}:\n{result.StandardError}{result.StandardOutput}");
        }

        return result;
    }
}
