using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;
using Loom.Coverage.Reports;

namespace Loom.Coverage;

/// <summary>
/// Builds the loom-coverage report of a test run: scans the code under test, reads Coverlet's line hits and
/// Loom's record, joins them and writes the JSON and HTML reports. It reports what it could read and never
/// throws for bad input, because coverage must never change the outcome of a test run.
/// </summary>
public static class CoverageRun
{
    /// <summary>The JSON report's file name.</summary>
    public const string JsonFileName = "loom-coverage.json";

    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "loom-coverage.html";

    /// <summary>The console summary's file name (the build files print it after <c>dotnet test</c>).</summary>
    public const string SummaryFileName = "loom-coverage.txt";

    /// <summary>Builds and writes the report.</summary>
    /// <param name="options">The inputs and output folder.</param>
    /// <returns>The report, the files written and the console summary.</returns>
    public static CoverageRunResult Produce(CoverageRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<CoverageProblem>(options.Problems);
        var scanner = new SiteScanner();
        var scanned = new List<string>();
        try
        {
            var loadProblems = new List<CoverageProblem>();
            foreach (var project in BuiltProjectLoader.Load(options.TestAssemblies, options.ExcludedAssemblies, loadProblems))
            {
                scanner.Add(project.Compilation, tree => project.UserFiles.Contains(tree.FilePath));
                scanned.Add(project.AssemblyPath);
            }
            foreach (var problem in loadProblems)
                scanner.AddProblem(problem);
            if (scanned.Count == 0)
                scanner.AddProblem(new CoverageProblem("source", null, 0, $"No C# sources of the code under test were found beside {string.Join(", ", options.TestAssemblies.DefaultIfEmpty("(no test assembly)"))}, so the catalog is empty."));
        }
        catch (Exception e)
        {
            // Roslyn or a file system failure: the report still comes out, empty, saying why.
            scanner.AddProblem(new CoverageProblem("source", null, 0, $"Scanning the sources failed ({e.GetType().Name}: {e.Message}); the catalog holds only what was scanned before."));
        }
        var catalog = scanner.Build();

        var lines = new LineHits();
        var coverletRead = new List<string>();
        foreach (var path in options.CoverletReports)
        {
            if (CoverletReportReader.Read(path, lines, problems))
                coverletRead.Add(path);
        }
        if (options.CoverletReports.Count == 0 && !problems.Exists(p => p.Kind == "coverlet"))
        {
            problems.Add(new CoverageProblem("coverlet", null, 0,
                "No Coverlet report came with this run, so sites not reached under Loom show as 'no-data'. Under dotnet test, Loom.Coverage's build files turn coverlet.collector on; running vstest.console directly needs --collect \"XPlat Code Coverage\" as well."));
        }

        var record = options.LoomRecord ?? new LoomRecord();
        if (options.LoomRecordFolder is { } folder)
            record.ReadFolder(folder, problems);
        if (record.FilesRead == 0)
            problems.Add(new CoverageProblem("loom-record", options.LoomRecordFolder, 0, "No Loom record was written by the test processes: no Loom exploration ran, or the test host never received LOOM_COVERAGE_DIR."));

        var inputs = new CoverageInputs(options.TestAssemblies.ToList(), scanned, coverletRead, record.FilesRead);
        var report = CoverageReport.Join(catalog, lines, record, inputs, problems);
        var summary = ConsoleSummary.Format(report);

        string? json = null, html = null, text = null;
        try
        {
            Directory.CreateDirectory(options.OutputFolder);
            json = Path.Combine(options.OutputFolder, JsonFileName);
            JsonReportWriter.Write(report, json);
            html = Path.Combine(options.OutputFolder, HtmlFileName);
            HtmlReportWriter.Write(report, html);
            text = Path.Combine(options.OutputFolder, SummaryFileName);
            File.WriteAllText(text, summary + "\n" + $"Reports: {json} and {html}\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            summary += $"\nThe reports could not be written to {options.OutputFolder}: {e.Message}";
            if (json is not null && !File.Exists(json))
                json = null;
            if (html is not null && !File.Exists(html))
                html = null;
            if (text is not null && !File.Exists(text))
                text = null;
        }
        return new CoverageRunResult(report, json, html, summary, text);
    }
}
