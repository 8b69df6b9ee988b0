using System.Diagnostics;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary><c>mosquitto_pub -l</c> publishing every line of a file (its stdin) as one message.</summary>
public static class LinePublisher
{
    public static async Task RunAsync(MosquittoBroker broker, string user, string topic, int qos, string linesFile, CancellationToken cancellationToken)
    {
        // bash only connects the file to stdin; exec leaves mosquitto_pub alone in the process.
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "exec mosquitto_pub -l \"$@\" < \"$0\"", linesFile, .. MosquittoClients.Connection(broker, user, topic, qos)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start mosquitto_pub");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var errors = await stderr;
        if (process.ExitCode != 0 || errors.Contains("Error", StringComparison.OrdinalIgnoreCase) || errors.Contains("failed", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {process.ExitCode}: {errors.Trim()}");
        }
    }
}
