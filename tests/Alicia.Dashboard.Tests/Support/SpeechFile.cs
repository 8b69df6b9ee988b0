using System.Diagnostics;

namespace Alicia.Dashboard.Tests.Support;

/// <summary>A spoken sentence as a WAV file, for chromium's fake microphone: espeak-ng's voice, padded with silence.</summary>
public static class SpeechFile
{
    public static async Task<string> RenderAsync(string text, string path)
    {
        var raw = Path.ChangeExtension(path, ".raw.wav");
        await RunAsync("espeak-ng", ["-v", "en-us", "-s", "150", "-w", raw, text]);
        // A second before (the person presses, then speaks) and two after (the VAD hears the end).
        await RunAsync("sox", [raw, "-r", "48000", "-c", "1", "-b", "16", path, "pad", "1", "2"]);
        File.Delete(raw);
        return path;
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await errors}");
        }
    }
}
