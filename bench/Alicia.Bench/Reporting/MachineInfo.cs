using System.Globalization;
using System.Runtime.InteropServices;
using Alicia.Testing;

namespace Alicia.Bench.Reporting;

/// <summary>What the numbers were measured on: they mean little without it.</summary>
public sealed record MachineInfo(
    string Cpu,
    int LogicalCores,
    long MemoryMb,
    string Os,
    string Kernel,
    string Dotnet,
    string Mosquitto,
    string LoadAverage)
{
    public static async Task<MachineInfo> CollectAsync()
    {
        var mosquitto = await Shell.RunAsync("mosquitto", ["-h"]).ConfigureAwait(false);
        return new MachineInfo(
            Cpu: FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            LogicalCores: Environment.ProcessorCount,
            MemoryMb: MemoryMegabytes(),
            Os: OsName(),
            Kernel: ReadTrimmed("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.VersionString,
            Dotnet: RuntimeInformation.FrameworkDescription,
            Mosquitto: mosquitto.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("mosquitto version", StringComparison.Ordinal))?.Trim() ?? "unknown",
            LoadAverage: ReadTrimmed("/proc/loadavg") is { } load ? string.Join(' ', load.Split(' ').Take(3)) : "unknown");
    }

    private static long MemoryMegabytes()
    {
        var total = FirstValue("/proc/meminfo", "MemTotal");
        return total is not null && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb / 1024
            : 0;
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return pretty?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 ? null : line![(colon + 1)..].Trim();
    }

    private static string? ReadTrimmed(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;
}
