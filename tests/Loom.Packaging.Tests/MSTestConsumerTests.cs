using System.IO;
using System.Linq;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The MSTest consumers (tests/fixtures/Consumer.MSTest under VSTest with Loom.Coverage, Consumer.MSTest.Mtp under
/// Microsoft.Testing.Platform with Loom.Coverage.Mtp and coverlet.MTP): Loom by package reference, code under test
/// switched to Loom.Threading with LoomThreading=true, each run with loom-coverage.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class MSTestConsumerTests(PackagedConsumers packed)
{
    [Fact]
    public void Under_VSTest_each_schedule_and_seed_is_a_test_and_the_lost_update_fails_with_its_interleaving()
    {
        var run = packed.MSTestVsTest;

        var racy = run.Cases.Where(c => c.Name.StartsWith("Racy_increments [schedule ", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(racy, c => c.Name == "Racy_increments [schedule 0]" && c.Outcome == "Passed");
        var failed = racy.Where(c => c.Outcome == "Failed").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, c => Assert.Contains("Interleaving (schedule ", c.Text));
        Assert.Equal(["Atomic_increments [seed 0]", "Atomic_increments [seed 1]", "Atomic_increments [seed 2]"],
            run.Passed.Select(c => c.Name).Where(n => n.StartsWith("Atomic_increments", System.StringComparison.Ordinal)).Order());
        Assert.Equal("Passed", run.Case("Code_under_test_is_compiled_against_Loom_Threading").Outcome);
        Assert.Equal(racy.Count + 4, run.Total);
        Assert.Equal(failed.Count, run.FailedCount);
    }

    [Fact]
    public void Under_Microsoft_Testing_Platform_the_same_tests_run_with_the_same_outcomes()
    {
        var vstest = packed.MSTestVsTest;
        var mtp = packed.MSTestMtp;

        Assert.True(mtp.Result.ExitCode != 0, mtp.ToString());
        Assert.Equal(vstest.Cases.Select(c => (c.Outcome.ToLowerInvariant(), c.Name)).Order(), mtp.Cases.Order());
        Assert.Equal(vstest.Total, mtp.Total);
        Assert.Equal(vstest.FailedCount, mtp.Failed);
    }

    [Fact]
    public void Under_VSTest_the_coverage_collector_from_the_package_joins_Coverlets_hits()
    {
        using var report = CoverageReports.Read(packed.MSTestVsTestCoverageResults, packed.MSTestVsTest);

        CoverageReports.AssertCoverletJoined(report);
        Assert.Equal(Sites, CoverageReports.Sites(report));
    }

    [Fact]
    public void Under_Microsoft_Testing_Platform_the_coverage_report_says_why_code_in_the_test_project_has_no_Coverlet_counts()
    {
        var mtp = packed.MSTestMtp;
        using var report = CoverageReports.Read(packed.MSTestCoverageResults, mtp);
        Assert.Contains(Path.Combine(packed.MSTestCoverageResults, "loom-coverage.html"), mtp.Result.Output);
        Assert.Contains("atomic      5/5 (100.0%)", File.ReadAllText(Path.Combine(packed.MSTestCoverageResults, "loom-coverage.txt")));

        // Its counters are compiled into the test project, which coverlet.MTP does not instrument on the platform.
        CoverageReports.AssertNoCoverletCountsForTestProjectCode(report);
        Assert.Equal(Sites, CoverageReports.Sites(report));
    }

    /// <summary>The consumer's sites: every one reached under Loom, under either runner.</summary>
    private static readonly string[] Sites =
        ["atomic AtomicCounter.cs:10 loom", "atomic AtomicCounter.cs:12 loom", "atomic RacyCounter.cs:14 loom", "atomic RacyCounter.cs:18 loom", "atomic RacyCounter.cs:19 loom"];
}
