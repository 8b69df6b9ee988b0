using System.Diagnostics;

namespace Alicia.Audio.Tests;

/// <summary>Runs command-line tools that may or may not be installed (espeak-ng).</summary>
internal static class ExternalTools
{
    /// <summary>Standard output of the tool as bytes, or null when the tool is not on PATH.</summary>
    public static byte[]? Run(string tool, params string[] arguments)
    {
        if (!IsOnPath(tool))
        {
            return null;
        }

        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors.Result}");
        }

        return output.ToArray();
    }

    public static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
