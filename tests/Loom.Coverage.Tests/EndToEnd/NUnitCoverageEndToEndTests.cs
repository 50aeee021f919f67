using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// The same collector on an NUnit test project: <c>dotnet test --collect loom-coverage</c> on the NUnit fixture,
/// which runs the spin gate under Loom and the ledger without it, and nothing else.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class NUnitCoverageEndToEndTests(CoverageRunFixture run)
{
    [Fact]
    public void Every_site_has_the_status_the_NUnit_tests_give_it()
    {
        Assert.True(run.NUnitExitCode == 0, run.NUnitOutput);
        var sites = run.NUnitJson.RootElement.GetProperty("sites").EnumerateArray().Select(Site);

        Assert.Equal([
            "Counter.cs:10 atomic file-never-loaded",  // no NUnit test touches the counter
            "Counter.cs:12 atomic file-never-loaded",
            "Counter.cs:14 atomic file-never-loaded",
            "Diagnostics.cs:23 time file-never-loaded",
            "Diagnostics.cs:29 time file-never-loaded",
            "Gauge.cs:10 atomic loom",                 // the [LoomTheory]'s schedule cases
            "Gauge.cs:12 atomic loom",
            "Ledger.cs:13 sync outside-loom",
            "Ledger.cs:19 random never-hit",           // NewEntryId is not called here
            "Ledger.cs:21 atomic outside-loom",
            "Mailbox.cs:13 sync loom",
            "Mailbox.cs:14 retry outside-loom",
            "Mailbox.cs:15 sync loom",
            "Mailbox.cs:20 sync loom",
            "Mailbox.cs:22 sync loom",
            "SpinGate.cs:15 atomic loom",
            "SpinGate.cs:15 retry loom",
            "SpinGate.cs:17 time loom",
            "SpinGate.cs:22 atomic loom",
            "Stamp.cs:8 time file-never-loaded",
            "Unused/Journal.cs:9 file-io file-never-loaded",
            "Unused/Journal.cs:11 random file-never-loaded",
        ], sites);
        Assert.Contains("sync        4/5 (80.0%)", run.NUnitOutput);
        Assert.Contains("atomic      4/8 (50.0%)", run.NUnitOutput);
        Assert.Equal("Coverage.NUnit.LoomTests.Spin_gate_lets_one_thread_in",
            run.NUnitJson.RootElement.GetProperty("sites").EnumerateArray().First(s => Path.GetFileName(s.GetProperty("file").GetString()) == "Mailbox.cs").GetProperty("firstTest").GetString());
    }

    [Fact]
    public void A_LoomTheory_case_is_named_with_its_schedule_as_the_first_test_that_reached_a_site()
    {
        var gauge = run.NUnitJson.RootElement.GetProperty("sites").EnumerateArray()
            .Where(s => Path.GetFileName(s.GetProperty("file").GetString()) == "Gauge.cs").ToList();

        Assert.Equal(2, gauge.Count);
        foreach (var site in gauge)
        {
            // The case's display name from the shared case layer, with the very schedule the record says ran first
            // (discovery's listing of the schedules is not a case, so it is not what the record names).
            var schedule = site.GetProperty("firstSchedule").GetString();
            Assert.Matches("^[0-9@ ]+$", schedule);
            Assert.Equal($"Coverage.NUnit.TheoryTests.Gauge_rises_by_every_amount [schedule {schedule}]", site.GetProperty("firstTest").GetString());
        }
    }

    [Fact]
    public void A_second_run_of_unchanged_code_takes_the_catalog_from_the_cache_and_reports_the_same()
    {
        var results = Path.Combine(run.Root, "nunit-again");
        var again = run.DotnetTestNUnit("--results-directory", results);

        Assert.True(again.ExitCode == 0, again.Output);
        // The fixture's first run compiled and scanned the sources; this one reads the catalog it left.
        Assert.Matches(@"Report built in [0-9.]+ s \(find sources", run.NUnitOutput);
        Assert.Contains("the catalog from the cache", again.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Directory.EnumerateFiles(results, "loom-coverage.json", SearchOption.AllDirectories).Single()));
        foreach (var part in new[] { "summary", "excluded", "problems" })
            Assert.Equal(run.NUnitJson.RootElement.GetProperty(part).GetRawText(), json.RootElement.GetProperty(part).GetRawText());
        // Coverlet's counts may differ: the first run's discovery also ran the theory to list its schedules, this
        // one found them in the case-listing cache. Everything from the catalog and Loom's record is the same.
        Assert.Equal(run.NUnitJson.RootElement.GetProperty("sites").EnumerateArray().Select(Describe), json.RootElement.GetProperty("sites").EnumerateArray().Select(Describe));

        string Describe(JsonElement site) =>
            $"{Site(site)} {site.GetProperty("member").GetString()} {site.GetProperty("apis").GetRawText()} {site.GetProperty("loomHits").GetInt64()} {site.GetProperty("firstTest").GetString()} {site.GetProperty("firstSchedule").GetString()}";
    }

    [Fact]
    public void The_project_run_lists_the_reports_itself_and_dotnet_test_starts_no_second_pass_unless_another_collector_runs()
    {
        // The test platform's own trace (--diag, also handed to the post-processing vstest.console) shows which passes ran.
        // Standard output alone: the order of its lines is the order they were written.
        (string Output, string Trace) Run(string name, params string[] more)
        {
            var trace = Path.Combine(run.Root, name + "-diag");
            var result = run.DotnetTestNUnit(["--results-directory", Path.Combine(run.Root, name), "--diag", Path.Combine(trace, "log.txt"), .. more]);
            Assert.True(result.ExitCode == 0, result.Output);
            return (result.StandardOutput, string.Join('\n', Directory.EnumerateFiles(trace).Select(File.ReadAllText)));
        }
        const string PostProcessing = "ArtifactProcessingMode.PostProcess";

        var alone = Run("nunit-alone");
        Assert.DoesNotContain(PostProcessing, alone.Trace);
        // The project's own run lists the attachments, before its result line.
        var attachments = alone.Output.IndexOf("Attachments:", StringComparison.Ordinal);
        Assert.True(attachments >= 0, alone.Output);
        Assert.True(attachments < alone.Output.IndexOf("Passed!  - Failed:     0,", StringComparison.Ordinal), alone.Output);
        Assert.Matches(@"loom-coverage\.json\s", alone.Output[attachments..]);

        // Another collector may have a processor that merges across projects: then dotnet test's pass stays.
        var other = Run("nunit-other", "--collect", "Another Collector");
        Assert.Contains(PostProcessing, other.Trace);
        Assert.Matches(@"loom-coverage\.json\s", other.Output);
    }

    [Fact]
    public void A_failing_run_fails_as_without_the_collector_and_still_prints_the_summary_and_lists_the_reports()
    {
        var failing = run.DotnetTestNUnit("--results-directory", Path.Combine(run.Root, "nunit-failing"), "--", "TestRunParameters.Parameter(name=\"fail\", value=\"yes\")");

        Assert.NotEqual(0, failing.ExitCode);
        Assert.Matches(@"Failed!  - Failed:\s+1,", failing.Output);
        Assert.Contains("this run asked for a failing test", failing.Output);
        Assert.Contains("sync        4/5 (80.0%)", failing.Output);
        Assert.Matches(@"loom-coverage\.json\s", failing.Output);
    }

    [Fact]
    public void A_threshold_a_category_does_not_meet_fails_the_build_and_says_which()
    {
        // network-io has no site in the fixture: it meets any minimum.
        var gated = run.DotnetTestNUnit("--results-directory", Path.Combine(run.Root, "nunit-gated"), "-p:LoomCoverageThreshold=\"atomic=30;sync=100;network-io=100\"");

        Assert.NotEqual(0, gated.ExitCode);
        Assert.Contains("Passed!  - Failed:     0,", gated.Output);
        Assert.Contains("network-io  no sites", gated.Output);
        Assert.Contains("loom-coverage: 80.0% of the sync sites were reached under Loom, below the threshold of 100% (LoomCoverageThreshold).", gated.Output);
        Assert.DoesNotContain("of the atomic sites", gated.Output);
        Assert.DoesNotContain("is not 'category=percent'", gated.Output);
        Assert.DoesNotContain("of the network-io sites", gated.Output);
    }

    private string Site(JsonElement site)
    {
        var file = Path.GetRelativePath(Path.Combine(run.Root, "Coverage.Library"), site.GetProperty("file").GetString()!).Replace('\\', '/');
        return $"{file}:{site.GetProperty("line").GetInt32()} {site.GetProperty("category").GetString()} {site.GetProperty("status").GetString()}";
    }
}
