using System.Collections.Generic;
using System.Linq;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;
using Loom.Coverage.Reports;
using Xunit;

namespace Loom.Coverage.Tests.Reports;

/// <summary>The merge gate's text (<c>atomic=100;retry=80</c>) and how a report meets it.</summary>
public class ThresholdTests
{
    [Theory]
    [InlineData("atomic=100;retry=80")]
    [InlineData(" atomic = 100 , RETRY=80 ;")]
    public void A_gate_lists_its_entries_in_the_order_written(string text)
    {
        Assert.True(CoverageThreshold.TryParse(text, out var thresholds, out var error), error);
        Assert.Equal([new CoverageThreshold(SiteCategory.Atomic, 100), new CoverageThreshold(SiteCategory.Retry, 80)], thresholds);
    }

    [Theory]
    [InlineData("atomc=100", "'atomc=100' is not 'category=percent' with a category of the report (atomic, sync, time, random, network-io, file-io, retry)")]
    [InlineData("atomic", "'atomic' is not 'category=percent'")]
    [InlineData("sync=101", "'sync=101' is not 'category=percent'")]
    [InlineData("sync=-1", "'sync=-1' is not 'category=percent'")]
    [InlineData("sync=most", "'sync=most' is not 'category=percent'")]
    [InlineData(" ; ", "names no category")]
    public void A_malformed_gate_is_refused_with_the_entry_named(string text, string said)
    {
        Assert.False(CoverageThreshold.TryParse(text, out _, out var error));
        Assert.Contains(said, error);
    }

    [Fact]
    public void A_category_meets_its_entry_at_or_above_the_minimum_and_one_without_sites_meets_any()
    {
        // Atomic: 1 of 2 sites reached under Loom (50%); time has no site.
        var catalog = new SiteCatalog([At(3), At(4)], [], [], []);
        var record = new LoomRecord();
        record.Read(System.Text.Json.JsonDocument.Parse("""
            { "format": "loom-sites/2", "sites": [ { "file": "/src/A.cs", "line": 3, "api": "Interlocked.Increment", "hits": 2, "schedule": "0" } ] }
            """).RootElement, "test", new List<CoverageProblem>());
        var report = CoverageReport.Join(catalog, new LineHits(), record, new CoverageInputs([], [], [], 1), []);

        Assert.True(new CoverageThreshold(SiteCategory.Atomic, 50).IsMetBy(report));
        Assert.False(new CoverageThreshold(SiteCategory.Atomic, 50.1).IsMetBy(report));
        Assert.True(new CoverageThreshold(SiteCategory.Time, 100).IsMetBy(report));
        Assert.Equal(
            "loom-coverage: 50.0% of the atomic sites were reached under Loom, below the threshold of 100% (--loom-coverage-threshold). The report lists the sites not reached.",
            new CoverageThreshold(SiteCategory.Atomic, 100).Shortfall(report, "--loom-coverage-threshold"));
    }

    private static Site At(int line) => new(SiteCategory.Atomic, "/src/A.cs", line, "T.M", ["Interlocked.Increment"]);
}
