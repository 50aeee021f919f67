using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;
using Loom.Coverage.Reports;
using Xunit;

namespace Loom.Coverage.Tests.Reports;

public sealed class HtmlReportTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loom-coverage-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One atomic site on line 2 of a real source file, reached under Loom by the given test and schedule, with Coverlet's count.</summary>
    private string RenderOneReachedSite(string? firstTest, string schedule)
    {
        var source = Path.Combine(_folder, "Counter.cs");
        File.WriteAllLines(source, ["class Counter {", "  void Hit() => System.Threading.Interlocked.Increment(ref _n);", "}"]);
        var catalog = new SiteCatalog([new Site(SiteCategory.Atomic, source, 2, "Counter.Hit", ["Interlocked.Increment"])], [], [], [source]);
        var cobertura = Path.Combine(_folder, "coverage.cobertura.xml");
        File.WriteAllText(cobertura, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="1" version="1.9"><sources><source>{_folder}/</source></sources>
              <packages><package name="Lib"><classes><class name="Counter" filename="Counter.cs"><methods /><lines><line number="2" hits="12" /></lines></class></classes></package></packages>
            </coverage>
            """);
        var lines = new LineHits();
        var problems = new List<CoverageProblem>();
        Assert.True(CoverletReportReader.Read(cobertura, lines, problems));
        var record = new LoomRecord();
        var test = firstTest is null ? "" : $""", "test": {JsonSerializer.Serialize(firstTest)}""";
        using (var json = JsonDocument.Parse($$"""{ "format": "loom-sites/2", "sites": [ { "file": {{JsonSerializer.Serialize(source)}}, "line": 2, "api": "Interlocked.Increment", "hits": 4{{test}}, "schedule": "{{schedule}}" } ] }"""))
            record.Read(json.RootElement, "test", problems);
        Assert.Empty(problems);
        return HtmlReportWriter.Render(CoverageReport.Join(catalog, lines, record, new CoverageInputs([], [], [cobertura], 1), problems));
    }

    [Fact]
    public void A_category_without_sites_says_no_sites_with_no_bar_and_no_percentage()
    {
        var html = RenderOneReachedSite("Tests.Counts", "0");

        Assert.Contains("<tr class=\"empty\"><th><a href=\"#cat-time\">time</a></th><td class=\"num none\">no sites</td><td></td>", html);
        Assert.DoesNotContain("0/0", html);
        Assert.Contains("<h3 id=\"cat-time\">time: no sites</h3>", html);
        // The one category with a site keeps its count and its bar.
        Assert.Contains("<td class=\"num\">1/1 (100.0%)</td><td><div class=\"bar\"><div class=\"fill\" style=\"width:100.0%\">", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"bar\""));
    }

    [Theory]
    [InlineData("Tests.Counts [schedule 2@2]", "2@2", "first: Tests.Counts [schedule 2@2]</span>")]
    [InlineData("Tests.Counts", "2@2", "first: Tests.Counts [schedule 2@2]</span>")]
    [InlineData(null, "0", "first: [schedule 0]</span>")]
    public void The_first_label_names_the_schedule_once(string? firstTest, string schedule, string expected)
    {
        var html = RenderOneReachedSite(firstTest, schedule);

        Assert.Contains(expected, html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape($"schedule {schedule}]")));
    }

    [Fact]
    public void Coverlet_and_Loom_counts_are_named_for_what_they_count_and_explained()
    {
        var html = RenderOneReachedSite("Tests.Counts", "0");

        Assert.Contains("\">line runs (Coverlet): 12</span>", html);
        Assert.Contains("\">scheduling points (Loom): 4</span>", html);
        Assert.Contains("title=\"How many times Coverlet saw the line run in the test processes, every run counted", html);
        Assert.Contains("title=\"How many scheduling points (controlled operations) on this line Loom ran", html);
        Assert.DoesNotContain("hits: 12", html);
        // Also in plain sight, once, beside the legend.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"note counts\"><strong>line runs \\(Coverlet\\)</strong>: How many times Coverlet saw"));
        Assert.Contains("whether a site ran outside Loom's control is its status, not their difference.</p>", html);
    }
}
