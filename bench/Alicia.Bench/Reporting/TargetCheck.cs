using System.Globalization;

namespace Alicia.Bench.Reporting;

/// <summary>A target from the issue and whether this run met it.</summary>
public sealed record TargetCheck(string Description, double Limit, double Actual, bool Met)
{
    public static TargetCheck AtLeast(string what, double actual, double limit) =>
        new($"{what} >= {Format(limit)}", limit, actual, actual >= limit);

    public static TargetCheck Below(string what, double actual, double limit) =>
        new($"{what} < {Format(limit)}", limit, actual, actual < limit);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
