using System.IO;
using System.Text.Json;
using Loom.Coverage.Catalog;

namespace Loom.Coverage.Reports;

/// <summary>
/// Writes the report as JSON for tools (format <c>loom-coverage/1</c>): the inputs, one summary row per
/// category, every site with its status, the excluded sites and the problems. docs/coverage.md describes it.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The format name written in the <c>format</c> property.</summary>
    public const string Format = "loom-coverage/1";

    /// <summary>Writes the report to a file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file to create or replace.</param>
    public static void Write(CoverageReport report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Writes the report to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    public static void Write(CoverageReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);

        json.WriteStartObject("inputs");
        CatalogJson.WriteStrings(json, "testAssemblies", report.Inputs.TestAssemblies);
        CatalogJson.WriteStrings(json, "scannedAssemblies", report.Inputs.ScannedAssemblies);
        CatalogJson.WriteStrings(json, "coverletReports", report.Inputs.CoverletReports);
        json.WriteNumber("loomRecordFiles", report.Inputs.LoomRecordFiles);
        CatalogJson.WriteStrings(json, "files", report.Catalog.Files);
        json.WriteEndObject();

        json.WriteStartArray("summary");
        foreach (var row in report.Summary)
        {
            json.WriteStartObject();
            json.WriteString("category", SiteCategoryNames.Name(row.Category));
            json.WriteNumber("total", row.Total);
            json.WriteNumber("loom", row.ReachedUnderLoom);
            json.WriteNumber("percent", row.Percent);
            json.WriteNumber("outsideLoom", row.ReachedOutsideLoom);
            json.WriteNumber("neverHit", row.NeverHit);
            json.WriteNumber("fileNeverLoaded", row.FileNeverLoaded);
            json.WriteNumber("noData", row.NoData);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("sites");
        foreach (var result in report.Results)
        {
            json.WriteStartObject();
            CatalogJson.WriteSite(json, result.Site);
            json.WriteString("status", SiteStatusNames.Name(result.Status));
            if (result.Hits is { } hits)
                json.WriteNumber("hits", hits);
            else
                json.WriteNull("hits");
            json.WriteNumber("loomHits", result.LoomHits);
            json.WriteString("firstTest", result.FirstTest);
            json.WriteString("firstSchedule", result.FirstSchedule);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        CatalogJson.WriteExcluded(json, report.Catalog.Excluded);
        CatalogJson.WriteProblems(json, report.Problems);
        json.WriteEndObject();
    }
}
