using System.Globalization;

namespace Alicia.Bench.Infrastructure;

/// <summary>
/// CPU time (user + system, seconds) from /proc: unlike rates, what a message costs in CPU barely moves
/// when other work on a shared machine steals the cores.
/// </summary>
public static class CpuClock
{
    // USER_HZ, the unit of the /proc/<pid>/stat times; 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>This process.</summary>
    public static double Self() => Fields("self") is { } f ? Seconds(f, 11) + Seconds(f, 12) : 0;

    /// <summary>This process's children that have exited and been waited for.</summary>
    public static double ReapedChildren() => Fields("self") is { } f ? Seconds(f, 13) + Seconds(f, 14) : 0;

    /// <summary>A running process; 0 once it is gone.</summary>
    public static double Of(int pid) =>
        Fields(pid.ToString(CultureInfo.InvariantCulture)) is { } f ? Seconds(f, 11) + Seconds(f, 12) : 0;

    /// <summary>The first process whose command line contains <paramref name="text"/>.</summary>
    public static int? FindProcess(string text)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(text, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    // /proc/<pid>/stat after the ")" closing the command name: field 3 (state) is index 0, so utime (14) is 11.
    private static string[]? Fields(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Seconds(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture) / TicksPerSecond;
}
