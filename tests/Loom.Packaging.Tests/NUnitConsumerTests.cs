using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>
/// The NUnit consumers (tests/fixtures/Consumer.NUnit under VSTest with Loom.Coverage, Consumer.NUnit.Mtp under
/// Microsoft.Testing.Platform with Loom.Coverage.Mtp and coverlet.MTP, each run with loom-coverage):
/// Loom.NUnit by package reference and no LoomThreading, so the code under test stays on System.Threading, and the
/// build rewrites it: the test assembly, the class library it references (Consumer.Library) and the package assembly
/// it names (Microsoft.Extensions.ObjectPool).
/// </summary>
[Collection(PackagedConsumersCollection.Name)]
public class NUnitConsumerTests(PackagedConsumers packed)
{
    [Fact]
    public void The_build_rewrites_the_test_assembly_the_referenced_library_and_the_named_package()
    {
        var output = packed.Build.Output;

        Assert.Matches(@"Loom\.Rewriting: Consumer\.NUnit\.dll: \d+ call sites rewritten \(synchronization \d+, tasks and timers \d+, shared fields \d+\)", output);
        Assert.Matches(@"Loom\.Rewriting: Consumer\.Library\.dll: \d+ call sites rewritten \(synchronization \d+, shared fields \d+\)", output);
        Assert.Matches(@"Loom\.Rewriting: Microsoft\.Extensions\.ObjectPool\.dll: \d+ call sites rewritten \(synchronization \d+, shared fields \d+\)", output);
        // Only what the project names: NUnit, the test platform and the other packages are never rewritten.
        Assert.DoesNotMatch(@"Loom\.Rewriting: (nunit|NUnit3|Microsoft\.TestPlatform|Microsoft\.Testing|Loom\.)", output);
    }

    [Fact]
    public void Under_VSTest_the_bugs_in_unmodified_code_are_found_and_the_fixes_pass()
    {
        var run = packed.NUnitVsTest;

        Assert.NotEqual(0, run.Result.ExitCode);
        // The counter's Volatile read and write are System.Threading's, scheduling points once rewritten.
        var racy = Cases(run, "Racy_increments(");
        Assert.Contains(racy, c => c.Outcome == "Failed" && Regex.IsMatch(c.Text, @"Volatile\.Read .* RacyCounter\.cs:\d+"));
        Assert.Contains(Cases(run, "Ticket_office_sells_the_last_ticket_once("), c => c.Outcome == "Failed" && c.Text.Contains("TicketOffice.cs:"));
        Assert.All(Cases(run, "Ticket_office_sells_the_last_ticket_once_when_checked_and_sold_together("), c => Assert.Equal("Passed", c.Outcome));
        Assert.Equal(["Atomic_increments(seed 0)", "Atomic_increments(seed 1)", "Atomic_increments(seed 2)"],
            run.Passed.Select(c => c.Name).Where(n => n.StartsWith("Atomic_increments", System.StringComparison.Ordinal)).Order());
        Assert.Equal("Passed", run.Case("Code_under_test_is_compiled_against_System_Threading").Outcome);
        Assert.DoesNotContain("UncontrolledConcurrency", run.Result.Output);
        Assert.DoesNotContain("NothingControlled", run.Result.Output);
    }

    [Fact]
    public void The_named_packages_compare_exchanges_are_explored_as_scheduling_points()
    {
        var pool = Cases(packed.NUnitVsTest, "Pooled_builders_are_never_shared(");

        // Unrewritten, the pool's work has no scheduling point and only the threads' start and join interleave.
        Assert.True(pool.Count > 1, string.Join("\n", pool.Select(c => c.Name)));
        Assert.All(pool, c => Assert.Equal("Passed", c.Outcome));
    }

    [Fact]
    public void Under_Microsoft_Testing_Platform_the_same_cases_have_the_same_outcomes()
    {
        var vstest = packed.NUnitVsTest;
        var mtp = packed.NUnitMtp;

        Assert.NotEqual(0, mtp.Result.ExitCode);
        Assert.Equal(vstest.Passed.Select(c => c.Name).Order(), mtp.Named("passed").Order());
        Assert.Equal(vstest.Failed.Select(c => c.Name).Order(), mtp.Named("failed").Order());
        Assert.Equal(vstest.Total, mtp.Total);
    }

    [Fact]
    public void Under_both_runners_the_coverage_report_joins_Coverlets_hits_and_gives_each_site_the_same_status()
    {
        using var vstest = CoverageReports.Read(packed.NUnitCoverageResults, packed.NUnitVsTest);
        using var mtp = CoverageReports.Read(packed.NUnitMtpCoverageResults, packed.NUnitMtp);

        CoverageReports.AssertCoverletJoined(vstest);
        CoverageReports.AssertCoverletJoinedOnPlatform(mtp);
        // The rewritten library's sites: the ticket office's lock is reached under Loom by the tests that explore it.
        Assert.Contains(CoverageReports.Sites(vstest), s => s.Contains("TicketOffice.cs:") && s.EndsWith(" loom", System.StringComparison.Ordinal));
        Assert.Equal(CoverageReports.Sites(vstest), CoverageReports.Sites(mtp));
    }

    private static List<VsTestRun.CaseResult> Cases(VsTestRun run, string prefix) =>
        run.Cases.Where(c => c.Name.StartsWith(prefix, System.StringComparison.Ordinal)).ToList();
}
