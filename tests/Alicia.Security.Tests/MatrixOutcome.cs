using System.Globalization;
using System.Text;

namespace Alicia.Security.Tests;

/// <summary>What a permission-matrix run checked and every place the broker disagreed with the ACL model.</summary>
public sealed record MatrixOutcome(
    int Publishers,
    int Topics,
    int Readers,
    int AllowedPublishes,
    int RefusedPublishes,
    int DeliveryChecks,
    int Deliveries,
    int AllowedWithoutReader,
    IReadOnlyList<string> Mismatches)
{
    public int Publishes => AllowedPublishes + RefusedPublishes;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Publishers} publishers x {Topics} topics = {Publishes} QoS 1 publishes ({AllowedPublishes} allowed, {RefusedPublishes} refused with 0x87); " +
        $"{Readers} '#' subscribers x {Publishes} = {DeliveryChecks} delivery checks ({Deliveries} delivered); " +
        $"allowed but readable by nobody: {AllowedWithoutReader}; mismatches: {Mismatches.Count}");

    public string Report()
    {
        var report = new StringBuilder(Summary()).AppendLine();
        foreach (var mismatch in Mismatches)
        {
            report.AppendLine(mismatch);
        }

        return report.ToString();
    }
}
