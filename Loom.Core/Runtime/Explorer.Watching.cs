using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using Loom.Coverage.Recording;
using Loom.Reporting;

namespace Loom.Runtime;

// The watchdog: every exploration runs on a pooled worker while the caller watches it for stalls.
internal sealed partial class Explorer
{
    /// <summary>How often the caller of an asynchronous body's exploration checks that it is making progress.</summary>
    private const int WatchMilliseconds = 250;

    /// <summary>
    /// Explores on a pooled worker while the caller watches. Thread 0 of each execution runs on that worker; for an
    /// asynchronous body it also runs the queued work it chooses above its own scheduling points
    /// (Execution.RunAbove), so executions need no OS thread switch. Code stuck in a real wait or in a loop that
    /// never reaches Loom (the body itself, or a continuation above it) would otherwise hold the caller: the caller
    /// reports the stall and, if the thread does not come back, abandons it (a background thread, so it cannot keep
    /// the process alive) and returns the stalled execution's failure rather than hang.
    /// </summary>
    /// <param name="segment">The executions to run: the whole run, or a parallel run's chunk of seeds.</param>
    public SegmentOutcome ExploreWatched(ExplorationSegment segment)
    {
        _finished = segment.ExecutionsBefore;
        // The coverage record names the test from the caller's stack, which the worker's does not hold.
        var test = ControlledSiteLog.Enabled ? CoverageTestContext.CurrentTest ?? CallingTest.FromStack() : null;
        var context = ExecutionContext.Capture();
        var done = new ManualResetEventSlim();
        SegmentOutcome? result = null;
        ExceptionDispatchInfo? error = null;
        WorkerPool.Shared.Start(() =>
        {
            try
            {
                if (context is null)
                    result = Explore(segment);
                else
                    ExecutionContext.Run(context, _ => result = ExploreAs(test, segment), null);
            }
            catch (Exception ex)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });

        Execution? watched = null;
        var step = -1;
        var quiet = Stopwatch.StartNew();
        TimeSpan? abortSeen = null;
        var holder = new OsThreadState();
        while (!done.Wait(WatchMilliseconds))
        {
            var execution = _current;
            if (execution != watched || execution?.Step != step)
            {
                watched = execution;
                step = execution?.Step ?? -1;
                quiet.Restart();
                abortSeen = null;
                holder.Reset();
                continue;
            }
            if (execution is null)
                continue;
            // Parked threads watch for a stall themselves, but a thread running alone has no one else to watch it,
            // and work queued above a parked thread holds that thread's OS thread.
            // A thread asleep in the kernel is in a real wait and need not be given the whole StallTimeout (Linux only).
            if (!execution.Aborting && !execution.AwaitingEscapedWork && quiet.Elapsed >= OsThreadState.QuietBeforeProbe && holder.Blocked(execution.LastRunner))
                execution.ReportStall(inRealWait: true);
            if (!execution.Aborting && quiet.Elapsed >= _options.StallTimeout)
                execution.ReportStall();
            if (!execution.Aborting)
                continue;
            abortSeen ??= quiet.Elapsed;
            // An execution that stopped unwinds within StallTimeout (Execution.WaitForWorkers gives up on others then).
            if (quiet.Elapsed - abortSeen.Value >= 2 * _options.StallTimeout && Abandon(execution, segment.Clock.Elapsed) is { } abandoned)
                return new SegmentOutcome(segment) { Abandoned = abandoned, Stopped = true };
        }
        done.Dispose();
        error?.Throw();
        return result!;
    }

    private SegmentOutcome ExploreAs(string? test, ExplorationSegment segment)
    {
        if (test is not null)
            CoverageTestContext.CurrentTest ??= test;
        return Explore(segment);
    }

    /// <summary>Gives up an exploration whose thread is stuck in the execution it was running, and reports that execution.</summary>
    private ExplorationResult? Abandon(Execution stuck, TimeSpan elapsed)
    {
        int executions;
        lock (_progress)
        {
            if (_current != stuck)
                return null;
            _abandoned = true;
            executions = _finished + 1;
        }
        var failure = stuck.Failure ?? new ExecutionFailure(FailureKind.Stalled, "The execution stopped but did not unwind.", null, null, stuck.Step);
        failure = failure with
        {
            Message = failure.Message + $"\nThe OS thread that ran this execution did not come back within {(2 * _options.StallTimeout).TotalSeconds:0.#} s after it stopped; " +
                "Loom abandoned it and ended the exploration here.",
        };
        var report = FailureReport.Build(stuck, failure, null, executions, _options);
        return new ExplorationResult(_options, executions, false, false, stuck.Step, stuck.Step, report, [stuck.ScheduleId.ToString()], elapsed)
        {
            Failures = [report],
            UnseenAssemblies = stuck.Unseen.Assemblies,
            UncontrolledCalls = stuck.Unseen.UncontrolledCalls,
            UnseenCodeWarning = stuck.Unseen.Warning,
        };
    }
}
