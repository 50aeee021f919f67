using System;
using System.Collections.Concurrent;
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
/// <see cref="Record(IReadOnlyList{StepRecord}, ScheduleId)"/>, and do the stand-ins note the lines whose calls they
/// passed to the real member outside any execution (<see cref="RecordOutside"/>). Lines are counted in memory and the
/// whole tally is written to one file per process
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

    /// <summary>
    /// The lines already known to have run outside an execution, read without the lock: code outside Loom calls the
    /// same stand-in again and again, and only its first call there changes the tally.
    /// </summary>
    private static readonly ConcurrentDictionary<(string File, int Line), bool> s_outside = new();

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
                newSite |= Count((file, operation.Line), operation.Name, 1, schedule, ref scheduleText, ref test, ref testKnown);
            }
            s_dirty = true;
            ScheduleFlush(newSite ? NewSiteDelay : FlushInterval);
        }
    }

    /// <summary>
    /// Notes that a call of <paramref name="api"/> at a source line ran outside any execution: the stand-in passed it
    /// to the real member. The report then knows the line was reached outside Loom's control even where Coverlet has
    /// no line counts (code compiled into the test project, under Microsoft.Testing.Platform).
    /// </summary>
    /// <param name="api">The member called, for example <c>Interlocked.Increment</c>.</param>
    /// <param name="file">The call site's source file, if known.</param>
    /// <param name="line">The call site's source line, if known.</param>
    public static void RecordOutside(string api, string? file, int line)
    {
        if (s_file is null || file is not { Length: > 0 } || line <= 0 || s_outside.ContainsKey((file, line)) || CoverageTestContext.Listing)
            return;
        lock (s_gate)
        {
            if (!s_outside.TryAdd((file, line), true))
                return;
            if (!s_sites.TryGetValue((file, line), out var tally))
            {
                tally = new SiteTally(api);
                s_sites.Add((file, line), tally);
            }
            tally.ReachedOutside = true;
            s_dirty = true;
            ScheduleFlush(NewSiteDelay);
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
                string? scheduleText = null;
                newSite |= Count((file, line), api, hits, schedule, ref scheduleText, ref test, ref testKnown);
            }
            s_dirty = true;
            ScheduleFlush(newSite ? NewSiteDelay : FlushInterval);
        }
    }

    /// <summary>
    /// Adds <paramref name="hits"/> scheduling points of one line to the tally; returns whether the line was reached
    /// under Loom for the first time, and then names its first test and schedule. Under <see cref="s_gate"/>.
    /// </summary>
    private static bool Count((string File, int Line) key, string api, long hits, ScheduleId schedule, ref string? scheduleText, ref string? test, ref bool testKnown)
    {
        if (!s_sites.TryGetValue(key, out var tally))
        {
            tally = new SiteTally(api);
            s_sites.Add(key, tally);
        }
        tally.Hits += hits;
        if (tally.FirstSchedule is not null)
            return false;
        // Naming the test walks the stack, so it is done only when a line is reached for the first time.
        if (!testKnown)
        {
            test = CoverageTestContext.CurrentTest ?? CallingTest.FromStack();
            testKnown = true;
        }
        tally.FirstTest = test;
        tally.FirstSchedule = scheduleText ??= schedule.ToString();
        return true;
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
