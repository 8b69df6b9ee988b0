namespace Alicia.Reliability.Tests;

/// <summary>
/// The default run keeps every scenario short so none of them can rot; <c>./alicia soak</c> sets
/// ALICIA_SOAK=1 and runs the same scenarios at full size.
/// </summary>
internal static class Scale
{
    public static bool Soak { get; } = Environment.GetEnvironmentVariable("ALICIA_SOAK") == "1";

    public static int Pick(int quick, int soak) => Soak ? soak : quick;

    /// <summary>Appends a line of figures to the file named by ALICIA_RELIABILITY_REPORT (docs/reliability.md is made from it).</summary>
    public static void Report(string scenario, string figures)
    {
        if (Environment.GetEnvironmentVariable("ALICIA_RELIABILITY_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"| {scenario} | {figures} |{Environment.NewLine}");
        }
    }
}
