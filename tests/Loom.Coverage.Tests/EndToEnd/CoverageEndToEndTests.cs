using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Runs the real <c>dotnet test --collect loom-coverage</c> on the fixture test project (xUnit v3, VSTest) and
/// checks the JSON attachment site by site. The fixture library's files say in comments what each site is for.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class CoverageEndToEndTests(CoverageRunFixture run)
{
    private string Site(JsonElement site)
    {
        var file = Path.GetRelativePath(Path.Combine(run.Root, "Coverage.Library"), site.GetProperty("file").GetString()!).Replace('\\', '/');
        return $"{file}:{site.GetProperty("line").GetInt32()} {site.GetProperty("category").GetString()} {site.GetProperty("status").GetString()}";
    }

    [Fact]
    public void The_test_run_passes_and_lists_the_reports_as_attachments()
    {
        Assert.True(run.TestExitCode == 0, run.TestOutput);
        Assert.Contains("Passed!  - Failed:     0, Passed:     5", run.TestOutput);
        Assert.Contains(run.JsonReport, run.TestOutput);
        Assert.Contains(run.HtmlReport!, run.TestOutput);
        // Coverlet ran in the same run, turned on by Loom.Coverage's build files alone.
        Assert.Contains("coverage.cobertura.xml", run.TestOutput);
        // The summary says what the report cost; a first run has no cached catalog.
        Assert.Matches(@"Report built in [0-9.]+ s \(find sources [0-9.]+ s, catalog cache [0-9.]+ s, compile [0-9.]+ s, scan [0-9.]+ s,", run.TestOutput);
    }

    [Fact]
    public void Every_site_has_the_status_the_fixture_was_written_for()
    {
        var sites = run.Json.RootElement.GetProperty("sites").EnumerateArray().Select(Site);

        Assert.Equal([
            "Counter.cs:10 atomic loom",               // Interlocked.Increment, explored by two Loom tests
            "Counter.cs:12 atomic loom",
            "Counter.cs:14 atomic never-hit",          // Reset: no test calls it
            "Diagnostics.cs:23 time file-never-loaded", // the malformed LOOM-RETRY marker above adds no site
            "Diagnostics.cs:29 time file-never-loaded", // the unclosed exclusion excludes nothing
            "Gauge.cs:10 atomic loom",                 // only the [LoomTheory] reaches the gauge
            "Gauge.cs:12 atomic loom",
            "Ledger.cs:13 sync outside-loom",          // only a plain [Fact] without Loom reaches Ledger
            "Ledger.cs:19 random outside-loom",
            "Ledger.cs:21 atomic outside-loom",
            "Mailbox.cs:13 sync loom",                 // Loom.Threading.Monitor, under Loom
            "Mailbox.cs:14 retry outside-loom",        // a retry line with no controlled operation on it
            "Mailbox.cs:15 sync loom",
            "Mailbox.cs:20 sync loom",
            "Mailbox.cs:22 sync loom",
            "SpinGate.cs:15 atomic loom",
            "SpinGate.cs:15 retry loom",               // LOOM-RETRY-BEGIN/END loop: its first executable line
            "SpinGate.cs:17 time loom",                // the mirror's Thread.Sleep is a controlled time site
            "SpinGate.cs:22 atomic loom",
            "Stamp.cs:8 time outside-loom",            // a raw DateTime.UtcNow inside a Loom test: a determinism leak
            "Unused/Journal.cs:9 file-io file-never-loaded",
            "Unused/Journal.cs:11 random file-never-loaded",
        ], sites);
    }

    [Fact]
    public void The_summary_counts_each_category()
    {
        var rows = run.Json.RootElement.GetProperty("summary").EnumerateArray().Select(r =>
            $"{r.GetProperty("category").GetString()} {r.GetProperty("loom").GetInt32()}/{r.GetProperty("total").GetInt32()} " +
            $"outside={r.GetProperty("outsideLoom").GetInt32()} never={r.GetProperty("neverHit").GetInt32()} " +
            $"unloaded={r.GetProperty("fileNeverLoaded").GetInt32()} nodata={r.GetProperty("noData").GetInt32()}");

        Assert.Equal([
            "atomic 6/8 outside=1 never=1 unloaded=0 nodata=0",
            "sync 4/5 outside=1 never=0 unloaded=0 nodata=0",
            "time 1/4 outside=1 never=0 unloaded=2 nodata=0",
            "random 0/2 outside=1 never=0 unloaded=1 nodata=0",
            "network-io 0/0 outside=0 never=0 unloaded=0 nodata=0",
            "file-io 0/1 outside=0 never=0 unloaded=1 nodata=0",
            "retry 1/2 outside=1 never=0 unloaded=0 nodata=0",
        ], rows);
        // The console summary printed after the run has the same rows.
        Assert.Contains("time        1/4 (25.0%)", run.TestOutput);
        Assert.Contains("atomic      6/8 (75.0%)", run.TestOutput);
    }

    [Fact]
    public void Sites_reached_under_Loom_name_the_test_and_schedule_that_reached_them_first()
    {
        var sites = run.Json.RootElement.GetProperty("sites").EnumerateArray().ToList();
        JsonElement At(string file, int line, string category) =>
            sites.Single(s => s.GetProperty("file").GetString() == run.Library(file) && s.GetProperty("line").GetInt32() == line && s.GetProperty("category").GetString() == category);

        var gate = At("SpinGate.cs", 15, "atomic");
        Assert.Equal("Coverage.Xunit.LoomTests.Spin_gate_lets_one_thread_in", gate.GetProperty("firstTest").GetString());
        Assert.Equal("0", gate.GetProperty("firstSchedule").GetString());
        Assert.True(gate.GetProperty("loomHits").GetInt64() > 0);
        Assert.True(gate.GetProperty("hits").GetInt64() >= gate.GetProperty("loomHits").GetInt64());
        Assert.Contains(At("Counter.cs", 10, "atomic").GetProperty("firstTest").GetString(),
            new[] { "Coverage.Xunit.LoomTests.Increments_are_not_lost", "Coverage.Xunit.LoomTests.Stamp_read_inside_a_Loom_test_is_a_leak" });

        var leak = At("Stamp.cs", 8, "time");
        Assert.Equal(JsonValueKind.Null, leak.GetProperty("firstTest").ValueKind);
        Assert.Equal(0, leak.GetProperty("loomHits").GetInt64());
        Assert.True(leak.GetProperty("hits").GetInt64() > 0);

        var ledger = At("Ledger.cs", 13, "sync");
        Assert.Equal(1, ledger.GetProperty("hits").GetInt64());
        Assert.Equal(["Ledger.Add"], new[] { ledger.GetProperty("member").GetString()!.Split('.')[^2] + "." + ledger.GetProperty("member").GetString()!.Split('.')[^1] });
        Assert.Equal(0, At("Counter.cs", 14, "atomic").GetProperty("hits").GetInt64());
    }

    [Fact]
    public void A_LoomTheory_case_is_named_with_its_seed_as_the_first_test_that_reached_a_site()
    {
        var sites = run.Json.RootElement.GetProperty("sites").EnumerateArray()
            .Where(s => Path.GetFileName(s.GetProperty("file").GetString()) == "Gauge.cs")
            .Select(s => $"{s.GetProperty("line").GetInt32()} {s.GetProperty("firstTest").GetString()} | {s.GetProperty("firstSchedule").GetString()}");

        // The display name the shared case layer gives the case, the same in every adapter.
        Assert.Equal([
            "10 Coverage.Xunit.TheoryTests.Gauge_rises_by_every_amount [seed 17] | 0",
            "12 Coverage.Xunit.TheoryTests.Gauge_rises_by_every_amount [seed 17] | 0",
        ], sites);
    }

    [Fact]
    public void Excluded_sites_and_marker_warnings_are_reported_with_file_and_line()
    {
        var excluded = run.Json.RootElement.GetProperty("excluded").EnumerateArray()
            .Select(e => $"{Path.GetFileName(e.GetProperty("file").GetString())}:{e.GetProperty("line").GetInt32()} {e.GetProperty("excludedBecause").GetString()}");
        Assert.Equal([
            "Diagnostics.cs:11 [ExcludeFromCodeCoverage] on Timestamp",
            "Diagnostics.cs:16 LOOM-EXCLUDE-BEGIN (line 15): only used when debugging by hand",
        ], excluded);

        var problems = run.Json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("kind").GetString()} {Path.GetFileName(p.GetProperty("file").GetString())}:{p.GetProperty("line").GetInt32()}");
        Assert.Equal(["marker Diagnostics.cs:22", "marker Diagnostics.cs:28"], problems);

        var inputs = run.Json.RootElement.GetProperty("inputs");
        Assert.Equal(["Coverage.Xunit.dll", "Coverage.Library.dll"], inputs.GetProperty("scannedAssemblies").EnumerateArray().Select(a => Path.GetFileName(a.GetString())));
        Assert.Equal(1, inputs.GetProperty("coverletReports").GetArrayLength());
        Assert.Equal(1, inputs.GetProperty("loomRecordFiles").GetInt32());
    }
}
