using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;
using Loom.Coverage.Reports;
using Xunit;

namespace Loom.Coverage.Tests.Reports;

public sealed class JoinTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loom-coverage-join-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Site At(string file, int line, SiteCategory category = SiteCategory.Atomic) => new(category, file, line, "T.M", ["Interlocked.Increment"]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Each_site_gets_the_status_its_line_data_says()
    {
        var catalog = new SiteCatalog(
            [At("/src/A.cs", 3), At("/src/A.cs", 5), At("/src/A.cs", 7), At("/src/A.cs", 9), At("/src/B.cs", 2), At("/src/C.cs", 4), At("/src/A.cs", 12, SiteCategory.Retry) with { LastLine = 14 }],
            [], [], ["/src/A.cs", "/src/B.cs", "/src/C.cs"]);
        var cobertura = Write("coverage.cobertura.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0.5" version="1.9">
              <sources><source>/src/</source></sources>
              <packages><package name="Lib"><classes>
                <class name="A" filename="A.cs"><methods /><lines>
                  <line number="3" hits="4" /><line number="5" hits="2" /><line number="7" hits="0" /><line number="12" hits="1" /><line number="13" hits="1" />
                </lines></class>
                <class name="B" filename="B.cs"><methods /><lines><line number="2" hits="0" /></lines></class>
              </classes></package></packages>
            </coverage>
            """);
        var lines = new LineHits();
        var problems = new List<CoverageProblem>();
        Assert.True(CoverletReportReader.Read(cobertura, lines, problems));
        var record = new LoomRecord();
        using (var json = JsonDocument.Parse("""
            { "format": "loom-sites/2", "process": 1, "sites": [
              { "file": "/src/A.cs", "line": 3, "api": "Interlocked.Increment", "hits": 6, "test": "Tests.Counts", "schedule": "1@2" },
              { "file": "/src/A.cs", "line": 13, "api": "Interlocked.CompareExchange", "hits": 2, "test": "Tests.Spins", "schedule": "0" } ] }
            """))
        {
            record.Read(json.RootElement, "test", problems);
        }

        var report = CoverageReport.Join(catalog, lines, record, new CoverageInputs([], [], [cobertura], 1), problems);

        Assert.Equal([
            "/src/A.cs:3 loom hits=4 loom=6 Tests.Counts 1@2",
            "/src/A.cs:5 outside-loom hits=2 loom=0  ",
            "/src/A.cs:7 never-hit hits=0 loom=0  ",
            "/src/A.cs:9 no-data hits= loom=0  ",
            "/src/B.cs:2 file-never-loaded hits=0 loom=0  ",
            "/src/C.cs:4 no-data hits= loom=0  ",
            "/src/A.cs:12 loom hits=1 loom=2 Tests.Spins 0",
        ], report.Results.Select(r => $"{r.Site.File}:{r.Site.Line} {SiteStatusNames.Name(r.Status)} hits={r.Hits} loom={r.LoomHits} {r.FirstTest} {r.FirstSchedule}"));
        Assert.Empty(problems);
        var atomic = report.For(SiteCategory.Atomic);
        Assert.Equal((6, 1, 1, 1, 1, 2), (atomic.Total, atomic.ReachedUnderLoom, atomic.ReachedOutsideLoom, atomic.NeverHit, atomic.FileNeverLoaded, atomic.NoData));
        Assert.Equal(16.7, atomic.Percent);
    }

    [Fact]
    public void A_call_Loom_saw_run_outside_any_execution_is_reached_outside_Loom_without_Coverlet_and_under_Loom_once_an_execution_ran_it()
    {
        // No Coverlet report, as for code compiled into the test project under Microsoft.Testing.Platform.
        var catalog = new SiteCatalog([At("/src/A.cs", 3), At("/src/A.cs", 5), At("/src/A.cs", 7), At("/src/A.cs", 12, SiteCategory.Retry) with { LastLine = 14 }], [], [], []);
        var problems = new List<CoverageProblem>();
        var record = new LoomRecord();
        // Two test processes: line 3 ran outside in the first and under Loom in the second.
        using (var first = JsonDocument.Parse("""
            { "format": "loom-sites/2", "process": 1, "sites": [
              { "file": "/src/A.cs", "line": 3, "api": "Interlocked.Increment", "hits": 0, "outside": true },
              { "file": "/src/A.cs", "line": 5, "api": "Interlocked.Increment", "hits": 0, "outside": true },
              { "file": "/src/A.cs", "line": 13, "api": "Interlocked.CompareExchange", "hits": 0, "outside": true } ] }
            """))
        using (var second = JsonDocument.Parse("""
            { "format": "loom-sites/2", "process": 2, "sites": [
              { "file": "/src/A.cs", "line": 3, "api": "Interlocked.Increment", "hits": 4, "test": "Tests.Counts", "schedule": "1@2", "outside": true } ] }
            """))
        {
            record.Read(first.RootElement, "first", problems);
            record.Read(second.RootElement, "second", problems);
        }

        var report = CoverageReport.Join(catalog, new LineHits(), record, new CoverageInputs([], [], [], 2), problems);

        Assert.Equal([
            "/src/A.cs:3 loom hits= loom=4 Tests.Counts 1@2",
            "/src/A.cs:5 outside-loom hits= loom=0  ",
            "/src/A.cs:7 no-data hits= loom=0  ",
            "/src/A.cs:12 outside-loom hits= loom=0  ",
        ], report.Results.Select(r => $"{r.Site.File}:{r.Site.Line} {SiteStatusNames.Name(r.Status)} hits={r.Hits} loom={r.LoomHits} {r.FirstTest} {r.FirstSchedule}"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Coverlet_json_reports_are_read_too()
    {
        var path = Write("coverage.json", """
            { "Lib.dll": { "/src/A.cs": { "A": { "System.Void A::M()": { "Lines": { "3": 1, "4": 0 }, "Branches": [] } } } } }
            """);
        var lines = new LineHits();
        Assert.True(CoverletReportReader.Read(path, lines, new List<CoverageProblem>()));
        Assert.Equal((1L, 0L), (lines.Get("/src/A.cs", 3), lines.Get("/src/A.cs", 4)));
    }

    [Theory]
    [InlineData("not a report", "neither Cobertura XML nor Coverlet JSON")]
    [InlineData("<report><x/></report>", "root element is <report>, not Cobertura's <coverage>")]
    [InlineData("<coverage><packages>", "could not be read")]
    [InlineData("""{ "Lib.dll": { "/src/A.cs": { "A": { "M": { "NoLines": 1 } } } } }""", "has no \"Lines\" object")]
    public void A_Coverlet_report_in_an_unexpected_format_is_a_problem_not_a_crash(string text, string said)
    {
        var path = Write("coverage.cobertura.xml", text);
        var problems = new List<CoverageProblem>();
        Assert.False(CoverletReportReader.Read(path, new LineHits(), problems));
        Assert.Contains(said, Assert.Single(problems).Message);
    }

    [Fact]
    public void Without_any_input_the_report_still_comes_out_and_says_what_was_missing()
    {
        var options = new CoverageRunOptions { OutputFolder = Path.Combine(_folder, "out"), LoomRecordFolder = Path.Combine(_folder, "none") };
        options.TestAssemblies.Add(Path.Combine(_folder, "Missing.Tests.dll"));
        options.CoverletReports.Add(Path.Combine(_folder, "missing.cobertura.xml"));

        var result = CoverageRun.Produce(options);

        Assert.True(File.Exists(result.JsonPath));
        Assert.True(File.Exists(result.HtmlPath));
        Assert.Empty(result.Report.Results);
        Assert.Equal(["source", "source", "coverlet", "loom-record"], result.Report.Problems.Select(p => p.Kind));
        Assert.Contains("The test assembly does not exist", result.Report.Problems[0].Message);
        Assert.Contains("No C# sources of the code under test were found", result.Report.Problems[1].Message);
        Assert.Contains("could not be read", result.Report.Problems[2].Message);
        Assert.Contains("No Loom record was written", result.Report.Problems[3].Message);
        Assert.StartsWith("Loom coverage: 0 sites in 0 files (0 excluded) from 0 assemblies", result.Summary);
    }

    [Fact]
    public void The_console_summary_has_one_row_per_category_with_reached_over_total()
    {
        var catalog = new SiteCatalog([At("/src/A.cs", 3, SiteCategory.Time), At("/src/A.cs", 4, SiteCategory.Time), At("/src/A.cs", 5, SiteCategory.Time)], [], [], []);
        var record = new LoomRecord();
        using (var json = JsonDocument.Parse("""{ "format": "loom-sites/2", "sites": [ { "file": "/src/A.cs", "line": 3, "api": "Thread.Sleep", "hits": 1, "schedule": "0" } ] }"""))
            record.Read(json.RootElement, "test", new List<CoverageProblem>());
        var report = CoverageReport.Join(catalog, new LineHits(), record, new CoverageInputs([], [], [], 1), []);

        var rows = ConsoleSummary.Format(report).Split('\n');

        Assert.Equal("category    under Loom      outside  never hit  not loaded  no data", rows[1]);
        Assert.Equal("time        1/3 (33.3%)           0          0           0        2", rows[4]);
        Assert.Equal("atomic      no sites              0          0           0        0", rows[2]);
        Assert.Equal(["atomic", "sync", "time", "random", "network-io", "file-io", "retry"], rows.Skip(2).Take(7).Select(r => r.Split(' ')[0]));
    }
}
