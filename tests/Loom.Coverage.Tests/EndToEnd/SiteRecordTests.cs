using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Loom's record of the lines it controlled, as a test host leaves it: the fixture Coverage.RecordingProbe explores
/// a model with <c>LOOM_COVERAGE_DIR</c> set and then waits, still running, to be killed.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public sealed class SiteRecordTests(CoverageRunFixture run)
{
    // Not a measure of speed: a guard so that a record that never comes fails the test instead of hanging it.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_lines_a_model_reached_are_on_disk_while_the_process_still_runs()
    {
        var folder = Path.Combine(run.Root, "probe-record");
        var start = new ProcessStartInfo(run.Executable("Coverage.RecordingProbe"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LOOM_COVERAGE_DIR"] = folder;
        using var probe = Process.Start(start)!;
        try
        {
            using (var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
            {
                guard.CancelAfter(Guard);
                Assert.Equal("explored", await probe.StandardOutput.ReadLineAsync(guard.Token));
            }

            // Killed, as a slow test host is, it never runs its exit handlers: what counts is what is on disk now.
            var lines = Array.Empty<string>();
            var clock = Stopwatch.StartNew();
            while (lines.Length < 5 && clock.Elapsed < Guard && !probe.HasExited)
            {
                lines = RecordedLines(folder);
                if (lines.Length < 5)
                    await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            Assert.False(probe.HasExited, "The probe exited on its own: it should wait to be killed.");
            // Program.cs: the other thread's Interlocked.Increment (9), Thread.Start (10), Interlocked.Increment (11),
            // Thread.Join (12), each run under Loom in both executions; then an Interlocked.Increment outside (15).
            Assert.Equal(["9 loom", "10 loom", "11 loom", "12 loom", "15 outside"], lines);
        }
        finally
        {
            probe.Kill(entireProcessTree: true);
        }
    }

    // Each of Program.cs's recorded lines as "line loom" (scheduling points ran there, with a schedule named) or
    // "line outside" (no scheduling point, a call outside any execution), in line order.
    private static string[] RecordedLines(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        // The writer replaces the file whole (writes beside it, then moves), so a reader sees all of it or none.
        var file = Directory.EnumerateFiles(folder, "loom-sites-*.json").SingleOrDefault();
        if (file is null)
            return [];
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("sites").EnumerateArray()
            .Where(s => s.GetProperty("file").GetString()!.EndsWith("Program.cs", StringComparison.Ordinal))
            .OrderBy(s => s.GetProperty("line").GetInt32())
            .Select(s => $"{s.GetProperty("line").GetInt32()} {Kind(s)}")
            .ToArray();
    }

    private static string Kind(JsonElement site) =>
        (site.GetProperty("hits").GetInt64(), site.TryGetProperty("schedule", out _), site.TryGetProperty("outside", out var o) && o.GetBoolean()) switch
        {
            ( > 0, true, false) => "loom",
            (0, false, true) => "outside",
            var other => $"unexpected {other}",
        };
}
