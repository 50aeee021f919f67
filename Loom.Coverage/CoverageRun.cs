using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
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
    /// <returns>The report, the files written, the console summary and how long each step took.</returns>
    public static CoverageRunResult Produce(CoverageRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var phases = new List<CoveragePhase>();
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            phases.Add(new CoveragePhase(name, clock.Elapsed));
            clock.Restart();
        }

        var problems = new List<CoverageProblem>(options.Problems);
        var (catalog, scanned, fromCache) = BuildCatalog(options, Phase);

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
        Phase("line hits");

        var record = options.LoomRecord ?? new LoomRecord();
        if (options.LoomRecordFolder is { } folder)
            record.ReadFolder(folder, problems);
        if (record.FilesRead == 0)
            problems.Add(new CoverageProblem("loom-record", options.LoomRecordFolder, 0, "No Loom record was written by the test processes: no Loom exploration ran, or the test host never received LOOM_COVERAGE_DIR."));
        Phase("Loom record");

        var inputs = new CoverageInputs(options.TestAssemblies.ToList(), scanned, coverletRead, record.FilesRead);
        var report = CoverageReport.Join(catalog, lines, record, inputs, problems);
        var summary = ConsoleSummary.Format(report);
        Phase("join");

        string? json = null, html = null, text = null;
        try
        {
            Directory.CreateDirectory(options.OutputFolder);
            json = Path.Combine(options.OutputFolder, JsonFileName);
            JsonReportWriter.Write(report, json);
            html = Path.Combine(options.OutputFolder, HtmlFileName);
            HtmlReportWriter.Write(report, html);
            Phase("write reports");
            summary += "\n" + Timing(total.Elapsed, phases, fromCache);
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
        return new CoverageRunResult(report, json, html, summary, text) { Phases = phases, CatalogFromCache = fromCache };
    }

    /// <summary>
    /// The catalog of the code under test: from the cache beside the test assembly when nothing it was built from
    /// changed, otherwise compiled and scanned (and cached). Never throws: a failure becomes a problem in the report.
    /// </summary>
    private static (SiteCatalog Catalog, IReadOnlyList<string> Scanned, bool FromCache) BuildCatalog(CoverageRunOptions options, Action<string> phase)
    {
        var findProblems = new List<CoverageProblem>();
        var scanner = new SiteScanner();
        var scanned = new List<string>();
        SiteCatalog? catalog = null;
        var fromCache = false;
        try
        {
            var projects = BuiltProjectLoader.Find(options.TestAssemblies, options.ExcludedAssemblies, findProblems);
            phase("find sources");
            var cacheFolder = CatalogCache.FolderFor(projects);
            var key = cacheFolder is null ? null : CatalogCache.Key(projects, options.ExcludedAssemblies);
            var cached = key is null ? null : CatalogCache.TryRead(cacheFolder!, key);
            phase("catalog cache");
            if (cached is { } hit)
            {
                (catalog, fromCache) = (hit.Catalog, true);
                scanned.AddRange(hit.ScannedAssemblies);
            }
            else
            {
                Scan(projects, scanner, scanned, phase);
                catalog = scanner.Build();
                if (key is not null)
                    CatalogCache.Write(cacheFolder!, key, catalog, scanned);
            }
        }
        catch (Exception e)
        {
            // Roslyn or a file system failure: the report still comes out, with what was scanned before, saying why.
            scanner.AddProblem(new CoverageProblem("source", null, 0, $"Scanning the sources failed ({e.GetType().Name}: {e.Message}); the catalog holds only what was scanned before."));
        }
        catalog ??= scanner.Build();
        if (scanned.Count == 0)
            findProblems.Add(new CoverageProblem("source", null, 0, $"No C# sources of the code under test were found beside {string.Join(", ", options.TestAssemblies.DefaultIfEmpty("(no test assembly)"))}, so the catalog is empty."));
        return (catalog with { Problems = catalog.Problems.Concat(findProblems).ToList() }, scanned, fromCache);
    }

    /// <summary>Compiles and scans the projects. Kept out of line so that a run served from the cache never loads Roslyn.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Scan(IReadOnlyList<ProjectSources> projects, SiteScanner scanner, List<string> scanned, Action<string> phase)
    {
        var compileProblems = new List<CoverageProblem>();
        var compiled = BuiltProjectLoader.Compile(projects, compileProblems);
        phase("compile");
        foreach (var project in compiled)
        {
            scanner.Add(project.Compilation, tree => project.UserFiles.Contains(tree.FilePath));
            scanned.Add(project.AssemblyPath);
        }
        foreach (var problem in compileProblems)
            scanner.AddProblem(problem);
        phase("scan");
    }

    /// <summary>One line for the summary: what the report cost, step by step.</summary>
    private static string Timing(TimeSpan total, IReadOnlyList<CoveragePhase> phases, bool fromCache) =>
        string.Create(CultureInfo.InvariantCulture, $"Report built in {total.TotalSeconds:0.00} s{(fromCache ? ", the catalog from the cache" : "")} (") +
        string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Elapsed.TotalSeconds:0.00} s"))) + ").";
}
