using System.Diagnostics;
using Alicia.Contracts;

namespace Alicia.Cli.Commands;

/// <summary>
/// <c>satellite</c>: turns this machine into a room satellite. The microphone (arecord, 16 kHz mono
/// 16-bit) streams on <c>alicia/voice/audio/{site}/frame</c>; replies for the site play through aplay.
/// </summary>
public sealed class SatelliteCommand : ICliCommand
{
    private const int FrameBytes = 640; // 20 ms at 16 kHz, 16-bit mono

    public string Name => "satellite";

    public string Help => """
        satellite [--site S]
            stream this machine's microphone (arecord) to Alicia and play replies (aplay); say "hey alicia"
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Arguments.Allow("--site", "--host", "--port", "--secrets", "--connect-timeout");
        var site = context.Arguments.Option("--site") ?? Environment.MachineName.ToLowerInvariant();
        Require("arecord");
        Require("aplay");

        await using var bus = await CliBus.ConnectAsync(context, b => b.OnBinary(Topics.Tts.Audio(site), (topic, wav) =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"alicia-reply-{Guid.NewGuid():N}.wav");
            File.WriteAllBytes(file, System.Buffers.BuffersExtensions.ToArray(wav));
            _ = PlayAsync(file);
        }), cancellationToken);

        using var microphone = Process.Start(new ProcessStartInfo("arecord", "-q -f S16_LE -r 16000 -c 1 -t raw")
        {
            RedirectStandardOutput = true,
        }) ?? throw new CliException("could not start arecord");
        await context.Error.WriteLineAsync($"satellite '{site}' listening; say \"hey alicia\" (Ctrl+C to stop)");
        var stream = microphone.StandardOutput.BaseStream;
        var frame = new byte[FrameBytes];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(frame, cancellationToken);
                await bus.PublishBinaryAsync(Topics.Audio.Frame(site), frame, cancellationToken: cancellationToken);
            }
        }
        finally
        {
            microphone.Kill();
        }

        return 0;
    }

    private static async Task PlayAsync(string file)
    {
        using var player = Process.Start("aplay", ["-q", file]);
        if (player is not null)
        {
            await player.WaitForExitAsync();
        }

        File.Delete(file);
    }

    private static void Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
        if (!found)
        {
            throw new CliException($"{tool} not found: install alsa-utils (sudo apt-get install alsa-utils)");
        }
    }
}
