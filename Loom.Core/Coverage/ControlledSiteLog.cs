using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Coverage.Recording;

/// <summary>
/// Loom's own record of the source lines where operations ran under its control, for the loom-coverage report.
/// The coverage collector (VSTest) or extension (Microsoft.Testing.Platform) sets <see cref="DirectoryVariable"/>
/// for the test process; only then does the explorer hand each finished execution's steps to
/// <see cref="Record"/>. Lines are counted in memory and the whole tally is written to one file per process
/// (see <see cref="SiteLogWriter"/>): at most every <see cref="FlushInterval"/> and at process exit, never per step.
/// </summary>
internal static class ControlledSiteLog
{
    /// <summary>The environment variable naming the folder the tally is written to; unset means recording is off.</summary>
    public const string DirectoryVariable = "LOOM_COVERAGE_DIR";

    /// <summary>
    /// How stale the file may get while tests run. The test host may be stopped before its exit handlers finish,
    /// so the tally is also written while explorations go on, not only at exit.
    /// </summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private static readonly object s_gate = new();

    /// <summary>The tally, keyed by source file and line, guarded by <see cref="s_gate"/>.</summary>
    private static readonly Dictionary<(string File, int Line), SiteTally> s_sites = new();

    /// <summary>The file this process writes, or <see langword="null"/> when recording is off. Decided once, on first use.</summary>
    private static readonly string? s_file = StartRecording();

    private static long s_lastFlush = Environment.TickCount64;
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
        bool flush;
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
                }
                tally.Hits++;
            }
            s_dirty = true;
            var now = Environment.TickCount64;
            flush = now - s_lastFlush >= (long)FlushInterval.TotalMilliseconds;
            if (flush)
                s_lastFlush = now;
        }
        if (flush)
            Flush();
    }

    /// <summary>Writes the tally to this process's file if it changed since the last write.</summary>
    public static void Flush()
    {
        if (s_file is null)
            return;
        lock (s_gate)
        {
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
