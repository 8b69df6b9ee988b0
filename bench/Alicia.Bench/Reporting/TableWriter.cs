using System.Text;

namespace Alicia.Bench.Reporting;

/// <summary>The report as an aligned text table (terminal) or a Markdown table (docs/benchmarks.md).</summary>
public static class TableWriter
{
    private static readonly string[] Headers = ["figure", "what", "median", "p99", "unit", "baseline (same run)", "ratio", "target"];

    public static string Text(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = Rows(report).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendAligned(text, Headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            AppendAligned(text, row, widths);
        }

        AppendNotes(text, report, "  ");
        return text.ToString();
    }

    public static string Markdown(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", Headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', Headers.Select((_, i) => i is >= 2 and <= 3 or 6 ? "---:" : "---")).AppendLine("|");
        foreach (var row in Rows(report))
        {
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        AppendNotes(text, report, "- ");
        return text.ToString();
    }

    private static IEnumerable<string[]> Rows(BenchReport report) =>
        report.Figures.Select(f => new[]
        {
            f.Id,
            f.Title,
            NumberText.Format(f.Median),
            NumberText.Format(f.P99),
            f.Unit,
            f.BaselineMedian is { } b ? $"{NumberText.Format(b)} {f.Baseline}" : "",
            NumberText.Format(f.Ratio),
            string.Join("; ", f.Targets.Select(t => $"{t.Description}: {(t.Met ? "met" : "MISSED")}")),
        });

    private static void AppendNotes(StringBuilder text, BenchReport report, string bullet)
    {
        var notes = report.Figures.Where(f => f.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var figure in notes)
            {
                text.Append(bullet).Append(figure.Id).Append(": ").AppendLine(figure.Note);
            }
        }

        foreach (var error in report.Errors)
        {
            text.Append(bullet).Append("FAILED ").Append(error.Measurement).Append(": ").AppendLine(error.Error);
        }
    }

    private static void AppendAligned(StringBuilder text, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((cell, i) => i is 2 or 3 or 6 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
        text.AppendLine(line.TrimEnd());
    }
}
