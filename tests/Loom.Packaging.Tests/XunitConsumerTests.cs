using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The xUnit v3 consumer (tests/fixtures/Consumer.Xunit): Loom.Xunit and Loom.Coverage by package reference, code
/// under test switched to Loom.Threading with LoomThreading=true; run under VSTest with the loom-coverage collector,
/// and under Microsoft.Testing.Platform.
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class XunitConsumerTests(PackagedConsumers packed)
{
    private const string Class = "Consumer.Xunit.CounterTests.";

    [Fact]
    public void Under_VSTest_each_schedule_and_seed_is_a_case_and_the_lost_update_fails_with_its_interleaving()
    {
        var run = packed.XunitVsTest;

        var racy = run.Cases.Where(c => c.Name.StartsWith(Class + "Racy_increments [schedule ", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(racy, c => c.Name == Class + "Racy_increments [schedule 0]" && c.Outcome == "Passed");
        var failed = racy.Where(c => c.Outcome == "Failed").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, c => Assert.Contains("Interleaving (schedule ", c.Text));
        Assert.Equal([Class + "Atomic_increments [seed 0]", Class + "Atomic_increments [seed 1]", Class + "Atomic_increments [seed 2]"],
            run.Passed.Select(c => c.Name).Where(n => n.Contains("Atomic_increments")).Order());
        Assert.Equal("Passed", run.Case(Class + "Code_under_test_is_compiled_against_Loom_Threading").Outcome);
        Assert.Equal(racy.Count + 4, run.Total);
        Assert.Equal(failed.Count, run.FailedCount);
        Assert.DoesNotContain(run.Failed, c => !c.Name.Contains("Racy_increments"));
    }

    [Fact]
    public void Under_VSTest_the_coverage_collector_from_the_package_reports_the_sites_Loom_reached()
    {
        var json = Directory.EnumerateFiles(packed.XunitCoverageResults, "loom-coverage.json", SearchOption.AllDirectories).SingleOrDefault();
        Assert.True(json is not null, packed.XunitVsTest.ToString());
        Assert.Single(Directory.EnumerateFiles(packed.XunitCoverageResults, "loom-coverage.html", SearchOption.AllDirectories));
        // Coverlet ran in the same run, from the package's dependency, with Loom.Coverage's settings.
        Assert.Single(Directory.EnumerateFiles(packed.XunitCoverageResults, "coverage.cobertura.xml", SearchOption.AllDirectories));

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var sites = report.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{s.GetProperty("category").GetString()} {Path.GetFileName(s.GetProperty("file").GetString())}:{s.GetProperty("line").GetInt32()} {s.GetProperty("status").GetString()}")
            .Order();

        Assert.Equal(
            ["atomic AtomicCounter.cs:10 loom", "atomic AtomicCounter.cs:12 loom", "atomic RacyCounter.cs:14 loom", "atomic RacyCounter.cs:18 loom", "atomic RacyCounter.cs:19 loom"],
            sites);
    }

    [Fact]
    public void Under_Microsoft_Testing_Platform_the_same_cases_run_with_the_same_outcomes()
    {
        var vstest = packed.XunitVsTest;
        var mtp = packed.XunitMtp;

        Assert.True(mtp.Result.ExitCode != 0, mtp.ToString());
        Assert.Equal(vstest.Total, mtp.Cases.Count);
        Assert.Equal(vstest.Failed.Select(c => c.Name).Order(), mtp.Named("failed").Order());
        Assert.Equal(vstest.Passed.Select(c => c.Name).Order(), mtp.Named("passed").Order());
    }
}
