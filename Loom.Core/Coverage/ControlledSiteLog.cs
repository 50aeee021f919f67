using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;

namespace Loom.Coverage.Recording;

/// <summary>
/// Loom's own record of the source lines where operations ran under its control, for the loom-coverage report.
/// The coverage collector (VSTest) or extension (Microsoft.Testing.Platform) sets <see cref="DirectoryVariable"/>
/// for the test process; only then does the explorer hand each finished execution's steps to
/// <see cref="Record(IReadOnlyList{StepRecord}, ScheduleId)"/>. Lines are counted in memory and the whole tally is written to one file per process
/// (see <see cref="SiteLogWriter"/>) by a timer, never per step: <see cref="NewSiteDelay"/> after an execution
/// reaches a line for the first time, at most every <see cref="FlushInterval"/> while only counts change, and at
/// process exit.
/// </summary>
internal static class ControlledSiteLog
{
    /// <summary>The environment variable naming the folder the tally is written to; unset means recording is off.</summary>
    public const string DirectoryVariable = "LOOM_COVERAGE_DIR";

    /// <summary>How stale the hit counts in the file may get while tests run.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How soon a newly reached line is on disk. The test host may be killed before its exit handlers finish (the
    /// test platform stops a host that is slow to exit), and a line missing from the record would turn the report's
    /// "reached under Loom" into "reached outside Loom"; counts written late only make a number smaller.
    /// </summary>
    private static readonly TimeSpan NewSiteDelay = TimeSpan.FromMilliseconds(20);

    private static readonly object s_gate = new();

    /// <summary>The tally, keyed by source file and line, guarded by <see cref="s_gate"/>.</summary>
    private static readonly Dictionary<(string File, int Line), SiteTally> s_sites = new();

    /// <summary>The file this process writes, or <see langword="null"/> when recording is off. Decided once, on first use.</summary>
    private static readonly string? s_file = StartRecording();

    /// <summary>Writes the tally off the exploring threads; created with the file, guarded by <see cref="s_gate"/>.</summary>
    private static Timer? s_timer;

    /// <summary>When the timer is due (<see cref="Environment.TickCount64"/>), or <see cref="long.MaxValue"/> when it is not set.</summary>
    private static long s_flushDue = long.MaxValue;

    private static bool s_dirty;

    /// <summary>Whether this process records controlled sites. A static read the JIT folds to a constant once initialized.</summary>
    public static bool Enabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_file is not null;
    }

    /// <summary>Counts the source lines of one finished execution's scheduling points.</summary>
    /// <param name="steps">The execution's steps, in order.</param>
    /// <param name="schedule">The execution's schedule id, named in the report for lines it reached first.</param>
    public static void Record(IReadOnlyList<StepRecord> steps, ScheduleId schedule)
    {
        if (s_file is null || steps.Count == 0 || CoverageTestContext.Listing)
            return;
        string? test = null;
        string? scheduleText = null;
        var testKnown = false;
        var newSite = false;
        lock (s_gate)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var operation = steps[i].Operation;
                if (operation.File is not { Length: > 0 } file || operation.Line <= 0)
                    continue;
                if (!s_sites.TryGetValue((file, operation.Line), out var tally))
                {
                    // Naming the test walks the stack, so it is done only when a line is seen for the first time.
                    if (!testKnown)
                    {
                        test = CoverageTestContext.CurrentTest ?? CallingTest.FromStack();
                        testKnown = true;
                    }
                    scheduleText ??= schedule.ToString();
                    tally = new SiteTally(operation.Name, test, scheduleText);
                    s_sites.Add((file, operation.Line), tally);
                    newSite = true;
                }
                tally.Hits++;
            }
            s_dirty = true;
            ScheduleFlush(newSite ? NewSiteDelay : FlushInterval);
        }
    }

    /// <summary>Counts the sites of a committed chunk of a parallel exploration, as if its executions had been recorded one by one.</summary>
    /// <param name="batch">The chunk's sites.</param>
    public static void Record(SiteBatch batch)
    {
        if (s_file is null || batch.Sites.Count == 0 || CoverageTestContext.Listing)
            return;
        string? test = null;
        var testKnown = false;
        var newSite = false;
        lock (s_gate)
        {
            foreach (var (file, line, api, schedule, hits) in batch.Sites)
            {
                if (!s_sites.TryGetValue((file, line), out var tally))
                {
                    if (!testKnown)
                    {
                        test = CoverageTestContext.CurrentTest ?? CallingTest.FromStack();
                        testKnown = true;
                    }
                    tally = new SiteTally(api, test, schedule.ToString());
                    s_sites.Add((file, line), tally);
                    newSite = true;
                }
                tally.Hits += hits;
            }
            s_dirty = true;
            ScheduleFlush(newSite ? NewSiteDelay : FlushInterval);
        }
    }

    /// <summary>Writes the tally to this process's file if it changed since the last write.</summary>
    public static void Flush()
    {
        if (s_file is null)
            return;
        lock (s_gate)
        {
            s_flushDue = long.MaxValue;
            if (!s_dirty)
                return;
            try
            {
                SiteLogWriter.Write(s_file, s_sites);
                s_dirty = false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Coverage must never change a test's result; the report says the record is missing or stale.
                Trace.TraceWarning($"loom-coverage could not write {s_file}: {e.Message}");
            }
        }
    }

    /// <summary>Sets the timer to write the tally within <paramref name="delay"/>, unless it is due sooner. Under <see cref="s_gate"/>.</summary>
    private static void ScheduleFlush(TimeSpan delay)
    {
        var due = Environment.TickCount64 + (long)delay.TotalMilliseconds;
        if (due >= s_flushDue)
            return;
        s_flushDue = due;
        if (s_timer is null)
        {
            // The timer would otherwise keep the first test's async-local state (its name, for one) alive.
            using (ExecutionContext.SuppressFlow())
                s_timer = new Timer(_ => FlushFromTimer());
        }
        s_timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private static void FlushFromTimer()
    {
        try
        {
            Flush();
        }
        catch (Exception e)
        {
            // An exception escaping a timer callback ends the process: coverage must never take the test host down.
            Trace.TraceWarning($"loom-coverage could not write {s_file}: {e}");
        }
    }

    private static string? StartRecording()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrWhiteSpace(directory))
            return null;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Trace.TraceWarning($"loom-coverage cannot create {directory}: {e.Message}; controlled sites are not recorded.");
            return null;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush();
        // Several test processes (one per target framework, or parallel hosts) may share the folder.
        return Path.Combine(directory, $"loom-sites-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
    }
}
