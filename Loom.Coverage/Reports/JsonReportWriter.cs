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
        WriteStrings(json, "testAssemblies", report.Inputs.TestAssemblies);
        WriteStrings(json, "scannedAssemblies", report.Inputs.ScannedAssemblies);
        WriteStrings(json, "coverletReports", report.Inputs.CoverletReports);
        json.WriteNumber("loomRecordFiles", report.Inputs.LoomRecordFiles);
        WriteStrings(json, "files", report.Catalog.Files);
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
            WriteSite(json, result.Site);
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

        json.WriteStartArray("excluded");
        foreach (var excluded in report.Catalog.Excluded)
        {
            json.WriteStartObject();
            WriteSite(json, excluded.Site);
            json.WriteString("excludedBecause", excluded.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("kind", problem.Kind);
            json.WriteString("file", problem.File);
            json.WriteNumber("line", problem.Line);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSite(Utf8JsonWriter json, Site site)
    {
        json.WriteString("category", SiteCategoryNames.Name(site.Category));
        json.WriteString("file", site.File);
        json.WriteNumber("line", site.Line);
        if (site.LastLine != site.Line)
            json.WriteNumber("lastLine", site.LastLine);
        json.WriteString("member", site.Member);
        WriteStrings(json, "apis", site.Apis);
        if (site.Reason is not null)
            json.WriteString("reason", site.Reason);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
