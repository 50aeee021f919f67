using System.Globalization;
using System.Linq;
using System.Text;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>
/// The few lines printed at the end of a test run: one row per category with the sites reached under Loom out of
/// all sites, then how the others fell short, and what was skipped.
/// <code>
/// category    under Loom      outside  never hit  not loaded  no data
/// atomic      4/6 (66.7%)           1          1           0        0
/// </code>
/// </summary>
public static class ConsoleSummary
{
    /// <summary>The most problems listed before the rest are only counted.</summary>
    private const int ProblemsShown = 10;

    /// <summary>Formats the summary.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Lines separated by <c>\n</c>, without a trailing newline.</returns>
    public static string Format(CoverageReport report)
    {
        var text = new StringBuilder();
        var files = report.Results.Select(r => r.Site.File).Distinct().Count();
        text.Append(CultureInfo.InvariantCulture, $"Loom coverage: {report.Results.Count} sites in {files} files");
        text.Append(CultureInfo.InvariantCulture, $" ({report.Catalog.Excluded.Count} excluded) from {report.Inputs.ScannedAssemblies.Count} assemblies");
        text.Append(report.Inputs.CoverletReports.Count == 0 ? "; no Coverlet line hits" : "");
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{"category",-12}{"under Loom",-16}{"outside",7}{"never hit",11}{"not loaded",12}{"no data",9}\n");
        foreach (var row in report.Summary)
        {
            // A category without sites has nothing to reach: "0/0 (100.0%)" would read as full coverage.
            var reached = row.Total == 0
                ? "no sites"
                : string.Create(CultureInfo.InvariantCulture, $"{row.ReachedUnderLoom}/{row.Total} ({row.Percent:0.0}%)");
            text.Append(CultureInfo.InvariantCulture,
                $"{SiteCategoryNames.Name(row.Category),-12}{reached,-16}{row.ReachedOutsideLoom,7}{row.NeverHit,11}{row.FileNeverLoaded,12}{row.NoData,9}\n");
        }
        if (report.Problems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{report.Problems.Count} problem(s); what was skipped and why:\n");
            foreach (var problem in report.Problems.Take(ProblemsShown))
                text.Append("  ").Append(problem).Append('\n');
            if (report.Problems.Count > ProblemsShown)
                text.Append(CultureInfo.InvariantCulture, $"  ... and {report.Problems.Count - ProblemsShown} more (see the JSON or HTML report)\n");
        }
        return text.ToString().TrimEnd('\n');
    }
}
