using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// The same collector on an MSTest project under VSTest: <c>dotnet test --collect loom-coverage</c> on the MSTest
/// fixture, which explores the counter under Loom and runs the ledger without it.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class MSTestCoverageEndToEndTests(CoverageRunFixture run)
{
    [Fact]
    public void Every_site_has_the_status_the_MSTest_tests_give_it()
    {
        Assert.True(run.MSTestExitCode == 0, run.MSTestOutput);

        Assert.Equal(ExpectedSites, Sites(run, run.MSTestJson));
        Assert.Contains("atomic      4/8 (50.0%)", run.MSTestOutput);
        Assert.Equal("Coverage.MSTest.LoomTests.Increments_are_not_lost",
            run.MSTestJson.RootElement.GetProperty("sites").EnumerateArray().First().GetProperty("firstTest").GetString());
    }

    [Fact]
    public void A_LoomTheory_case_is_named_with_its_schedule_as_the_first_test_that_reached_a_site() => AssertGaugeNamedWithSchedule(run.MSTestJson);

    /// <summary>Every site of the coverage library and its status, as the MSTest tests (under either runner) give them.</summary>
    internal static readonly string[] ExpectedSites =
    [
            "Counter.cs:10 atomic loom",
            "Counter.cs:12 atomic loom",
            "Counter.cs:14 atomic never-hit",
            "Diagnostics.cs:23 time file-never-loaded",
            "Diagnostics.cs:29 time file-never-loaded",
            "Gauge.cs:10 atomic loom",                 // the [LoomTheory]'s schedule cases
            "Gauge.cs:12 atomic loom",
            "Ledger.cs:13 sync outside-loom",
            "Ledger.cs:19 random never-hit",
            "Ledger.cs:21 atomic outside-loom",
            "Mailbox.cs:13 sync file-never-loaded",    // no MSTest test touches the mailbox or the gate
            "Mailbox.cs:14 retry file-never-loaded",
            "Mailbox.cs:15 sync file-never-loaded",
            "Mailbox.cs:20 sync file-never-loaded",
            "Mailbox.cs:22 sync file-never-loaded",
            "SpinGate.cs:15 atomic file-never-loaded",
            "SpinGate.cs:15 retry file-never-loaded",
            "SpinGate.cs:17 time file-never-loaded",
            "SpinGate.cs:22 atomic file-never-loaded",
            "Stamp.cs:8 time file-never-loaded",
            "Unused/Journal.cs:9 file-io file-never-loaded",
            "Unused/Journal.cs:11 random file-never-loaded",
    ];

    /// <summary>The gauge's sites were first reached by a case of the [LoomTheory], named with its schedule.</summary>
    internal static void AssertGaugeNamedWithSchedule(JsonDocument report)
    {
        var gauge = report.RootElement.GetProperty("sites").EnumerateArray()
            .Where(s => Path.GetFileName(s.GetProperty("file").GetString()) == "Gauge.cs").ToList();

        Assert.Equal(2, gauge.Count);
        foreach (var site in gauge)
        {
            var schedule = site.GetProperty("firstSchedule").GetString();
            Assert.Matches("^[0-9@ ]+$", schedule);
            Assert.Equal($"Coverage.MSTest.TheoryTests.Gauge_rises_by_every_amount [schedule {schedule}]", site.GetProperty("firstTest").GetString());
        }
    }

    /// <summary>Each site of a report as "file:line category status", the file relative to the coverage library.</summary>
    internal static IEnumerable<string> Sites(CoverageRunFixture run, JsonDocument report) => Sites(run.Root, report);

    /// <summary>The report's sites as in <see cref="ExpectedSites"/>, for fixtures copied under <paramref name="root"/>.</summary>
    internal static IEnumerable<string> Sites(string root, JsonDocument report) =>
        report.RootElement.GetProperty("sites").EnumerateArray().Select(site =>
        {
            var file = Path.GetRelativePath(Path.Combine(root, "Coverage.Library"), site.GetProperty("file").GetString()!).Replace('\\', '/');
            return $"{file}:{site.GetProperty("line").GetInt32()} {site.GetProperty("category").GetString()} {site.GetProperty("status").GetString()}";
        });
}
