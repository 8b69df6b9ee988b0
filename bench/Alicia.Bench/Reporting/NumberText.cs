using System.Globalization;

namespace Alicia.Bench.Reporting;

/// <summary>Numbers as a person reads them: thousands separated, three significant digits for small ones.</summary>
public static class NumberText
{
    public static string Format(double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return "-";
        }

        var magnitude = Math.Abs(v);
        var format = magnitude >= 1000 ? "#,0"
            : magnitude >= 100 ? "0"
            : magnitude >= 10 ? "0.0"
            : magnitude >= 1 ? "0.00"
            : magnitude >= 0.01 ? "0.000"
            : "0.0000";
        return v.ToString(format, CultureInfo.InvariantCulture);
    }
}
