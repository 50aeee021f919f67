using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Loom.Reporting;

namespace Loom.Runtime;

// How an execution ends: stalls, aborts, finishing threads, and what a deadlock or a leak is reported as.
internal sealed partial class Execution
{
    /// <summary>Fails the execution as stalled: the thread holding control has not reached a scheduling point for too long.</summary>
    public void ReportStall(bool inRealWait = false)
    {
        var runner = _launching ?? _lastRunner;
        var where = runner is null || runner.LastLocation.Length == 0 ? "" : $" since its last Loom operation at {runner.LastLocation}";
        var what = inRealWait
            ? $"{runner?.Label ?? "A thread"} is blocked in a real wait: its OS thread sleeps in the kernel and it has not reached a Loom scheduling point{where}. " +
              "The wait is in code that was not rewritten or is one Loom does not model: a C# lock statement, "
            : $"{runner?.Label ?? "A thread"} ran for {Options.StallTimeout.TotalSeconds:0.#} s (LoomOptions.StallTimeout) without reaching a Loom scheduling point{where}. " +
              "It is blocked in a real wait or loops without a Loom operation, in code Loom does not control: a C# lock statement, ";
        Fail(
            FailureKind.Stalled,
            what +
            "a System.Threading primitive or Task.Wait in an assembly that was not rewritten (docs/rewriting.md, \"What is rewritten\"), a real " +
            "thread or thread-pool task it waits for, or a loop that never ends. Rewrite that assembly (or use the Loom.Threading " +
            "mirror there) so its waits are Loom's; fix a loop that never ends.",
            runner);
    }

    /// <summary>Tears the execution down: every parked thread wakes and unwinds with <see cref="ExecutionAbortedException"/>.</summary>
    private void BeginAbort()
    {
        List<LogicalThread> toWake;
        lock (_gate)
        {
            if (_aborting)
                return;
            _aborting = true;
            toWake = new List<LogicalThread>();
            foreach (var t in _threads)
            {
                if (t.Status == ThreadStatus.NotStarted)
                    t.Status = ThreadStatus.Finished;
                else if (t.Status == ThreadStatus.Running)
                    toWake.Add(t);
            }
        }
        foreach (var t in toWake)
            t.Baton.SignalIf(t);
    }

    private void FinishWorkerThread(LogicalThread thread)
    {
        if (!_aborting)
        {
            lock (_gate)
                thread.Status = ThreadStatus.Finished;
            _strategy.OnFinish(this, thread);
            Memory.OnFinish(thread);
            if (thread == _launching)
                EndLaunch();
            else if (thread == _unwinding)
                EndUnwind();
            else
                Decide(null);
        }
        lock (_gate)
            thread.Status = ThreadStatus.Finished;
        Interlocked.Decrement(ref _liveWorkers);
    }

    private void FinishMain(LogicalThread main)
    {
        if (!_aborting)
        {
            var alive = _threads.Where(t => t.Status != ThreadStatus.Finished && t != main && !(t.IsQueuedWork && t.Status == ThreadStatus.NotStarted)).ToList();
            if (alive.Count > 0)
            {
                Fail(
                    FailureKind.ThreadLeaked,
                    "The test body returned while " + string.Join(", ", alive.Select(DescribeAlive)) +
                    (alive.Count == 1 ? " was" : " were") + " still running. Join every thread the body starts before it returns.",
                    alive[0]);
            }
            else
            {
                var held = _objects.Select(o => o.DescribeLeak()).Where(s => s is not null).ToList();
                if (held.Count > 0)
                {
                    Fail(
                        FailureKind.LockLeaked,
                        "The test body returned while " + string.Join("; ", held) + ". Every Enter needs an Exit (put it in a finally block).",
                        null);
                }
            }
        }
        lock (_gate)
        {
            main.Status = ThreadStatus.Finished;
            foreach (var t in _threads)
            {
                if (t.Status == ThreadStatus.NotStarted)
                {
                    t.Status = ThreadStatus.Finished;
                    t.Dropped = !_aborting;
                }
            }
        }
        WaitForWorkers();
    }

    private static string DescribeAlive(LogicalThread t) =>
        t.Pending.Name is null ? t.Label : $"{t.Label} (about to run {t.Pending.Name} at {Where(t.Pending)})";

    private void WaitForWorkers()
    {
        var spinner = new SpinWait();
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _liveWorkers) > 0)
        {
            if (clock.Elapsed > Options.StallTimeout)
            {
                // A thread that swallowed the unwinding exception or is stuck in a real wait: leave it behind rather than hang.
                lock (_gate)
                {
                    _failure ??= new ExecutionFailure(
                        FailureKind.Stalled,
                        "A logical thread did not unwind within LoomOptions.StallTimeout after the execution stopped; it is stuck in a real wait or caught Loom's unwinding exception. Its OS thread was abandoned.",
                        null,
                        null,
                        _step);
                }
                return;
            }
            spinner.SpinOnce();
        }
    }

    private string DescribeDeadlock()
    {
        var sb = new StringBuilder("Deadlock: no thread can run, and not every thread has finished.");
        foreach (var t in _threads.Where(t => t.Status != ThreadStatus.Finished))
        {
            var op = t.Pending;
            var what = op.Target is null ? op.Name : op.Target.DescribeBlocked(t, op);
            if (t.Owner is { IsPaused: true } owner)
                what = $"{owner.Name} is paused";
            var at = op.Location.Length == 0 ? "" : $" at {op.Location}";
            sb.Append($"\n  {t.Label} is blocked in {op.Name}{at}: {what}");
        }
        // Awaits park no thread: the objects they wait on name them, with the line each waits at, and the awaits
        // rewritten code suspended in name the rest.
        var named = new HashSet<string>();
        foreach (var wait in _objects.SelectMany(o => o.DescribeAsyncWaits()))
        {
            sb.Append($"\n  {wait.Text}");
            named.Add(wait.Location);
        }
        foreach (var wait in Awaits.Describe(named))
            sb.Append($"\n  {wait}");
        return sb.ToString();
    }

    private static string Where(in Operation op) => op.Location.Length == 0 ? "an unknown location" : op.Location;

    private static string DescribeException(LogicalThread thread, Exception ex) =>
        $"{thread.Label} threw {ex.GetType().FullName}: {ex.Message}\n{StackTraceFolding.Fold(ex.StackTrace)}";

    private static ulong Bit(int thread) => 1UL << thread;
}
