using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Loom.Async;

namespace Loom.Runtime;

// The execution's scheduling: which thread runs next, and how the baton passes to it.
internal sealed partial class Execution
{
    private void Decide(LogicalThread? me)
    {
        if (_step >= Options.MaxSteps)
        {
            var where = me is null
                ? "The bound was reached as a thread finished"
                : $"{me.Label} was at {me.Pending.Name} ({me.Pending.Location}) when the bound was reached";
            Fail(
                FailureKind.StepBoundExceeded,
                $"The execution took more than {Options.MaxSteps} scheduling points (LoomOptions.MaxSteps): a livelock or a runaway loop. " +
                $"{where}; the loop is in the last steps of the trace. " +
                "If the model legitimately needs more steps, raise MaxSteps.",
                me);
            ThrowIfAborting(me);
            return;
        }

        var enabled = EnabledThreads();
        if (me is not null && (enabled & Bit(me.Number)) == 0 && me.Status == ThreadStatus.Running && !CanProceed(me))
            _strategy.OnBlocked(this, me);
        NoteNewlyBlocked(me);

        // Virtual time moves only when nothing can run, straight to the next due timer.
        while (enabled == 0 && Clock.Advance())
            enabled = EnabledThreads();

        if (enabled == 0 && _threads.Any(t => t.Status != ThreadStatus.Finished && t.Pending.Target is TaskWait))
            enabled = AwaitEscapedWork(me);

        if (enabled == 0)
        {
            if (_threads.Any(t => t.Status != ThreadStatus.Finished))
                Fail(FailureKind.Deadlock, DescribeDeadlock(), me);
            ThrowIfAborting(me);
            return;
        }

        var fallback = DefaultChoice(enabled);
        var chosen = _strategy.ChooseThread(this, enabled, fallback);
        if (chosen < 0 || _aborting)
        {
            if (!_aborting)
                Prune();
            ThrowIfAborting(me);
            return;
        }

        var next = _threads[chosen];
        var preemption = _lastRunner is not null && _lastRunner != next && (enabled & Bit(_lastRunner.Number)) != 0;
        if (chosen != fallback)
            _deviations.Add(new ScheduleDecision(_step, ScheduleDecisionKind.Thread, chosen));

        var op = next.Pending;
        _steps.Add(new StepRecord { Thread = chosen, ThreadName = next.TraceName, Operation = op, IsPreemption = preemption, Time = Clock.GetTimestamp() });
        _strategy.OnExecute(this, _step, next, op);
        Memory.OnOperation(next, op);
        if ((op.Flags & OperationFlags.Yield) != 0)
            Memory.OnYield(next);
        foreach (var t in _threads)
        {
            if (t != next)
                t.Yielding = false;
        }
        next.Yielding = (op.Flags & OperationFlags.Yield) != 0;
        next.LastStep = _step;
        next.LastLocation = op.Location;
        Volatile.Write(ref _step, _step + 1);
        _lastRunner = next;

        if (next == me)
            return;
        Transfer(me, next);
    }

    /// <summary>
    /// Nothing can run, but a thread waits for a task. Work that escaped to the real thread pool may still be
    /// about to complete it or to call into Loom, which must be reported as the escape it is, not as a deadlock.
    /// Waits a short while for that; returns the threads that became runnable (by an uncontrolled completion).
    /// </summary>
    /// <summary>Whether the thread holding control is waiting in <see cref="AwaitEscapedWork"/> (asleep by design).</summary>
    public volatile bool AwaitingEscapedWork;

    private ulong AwaitEscapedWork(LogicalThread? me)
    {
        var clock = Stopwatch.StartNew();
        ulong enabled = 0;
        // This thread sleeps here on purpose: the watcher must not take it for a thread blocked in a real wait.
        AwaitingEscapedWork = true;
        try
        {
            // On a busy machine the pool may not have started the escaped work yet: wait longer while it has a queue.
            while (!_aborting && (enabled = EnabledThreads()) == 0 &&
                   (clock.Elapsed < EscapeGrace || (clock.Elapsed < EscapeGraceWhilePoolBusy && ThreadPool.PendingWorkItemCount > 0)))
                System.Threading.Thread.Sleep(1);
        }
        finally
        {
            AwaitingEscapedWork = false;
        }
        if (enabled != 0 && !_aborting)
        {
            Fail(
                FailureKind.UncontrolledConcurrency,
                "A task a logical thread was waiting for was completed by an OS thread Loom does not control: the work behind it escaped to the real " +
                "thread pool (Task.Run, ConfigureAwait(false), a real timer or real I/O). Use LoomTask.Run and the execution's clock (Sim.Clock).",
                me);
        }
        return _aborting ? 0 : enabled;
    }

    /// <summary>
    /// Threads that could perform their pending operation at the previous scheduling point but cannot now were
    /// blocked by what ran in between: their operation races with it, as if they had arrived at it blocked.
    /// </summary>
    private void NoteNewlyBlocked(LogicalThread? me)
    {
        ulong blocked = 0;
        foreach (var t in _threads)
        {
            if (t.Status == ThreadStatus.Running && t != me && !CanProceed(t))
            {
                blocked |= Bit(t.Number);
                if ((_wasBlocked & Bit(t.Number)) == 0)
                    _strategy.OnBlocked(this, t);
            }
        }
        _wasBlocked = blocked;
    }

    /// <summary>The threads that can perform their pending operation now, as a bit mask by thread number.</summary>
    private ulong EnabledThreads()
    {
        ulong enabled = 0, yielding = 0;
        foreach (var t in _threads)
        {
            if (t.Status == ThreadStatus.Finished || t.Owner is { IsPaused: true } or { IsAlive: false } || !CanProceed(t))
                continue;
            enabled |= Bit(t.Number);
            if (t.Yielding)
                yielding |= Bit(t.Number);
        }
        // A yielding thread waits for another thread's step, unless nobody else can take one.
        return (enabled & ~yielding) != 0 ? enabled & ~yielding : enabled;
    }

    private static bool CanProceed(LogicalThread t)
    {
        var op = t.Pending;
        return op.Target is null || op.Target.CanProceed(t, op);
    }

    /// <summary>The default choice: keep running the last thread if it can continue, else the lowest-numbered runnable thread.</summary>
    private int DefaultChoice(ulong enabled)
    {
        if (_lastRunner is not null && (enabled & Bit(_lastRunner.Number)) != 0)
            return _lastRunner.Number;
        return System.Numerics.BitOperations.TrailingZeroCount(enabled);
    }

    private void Transfer(LogicalThread? me, LogicalThread next)
    {
        if (next.Status == ThreadStatus.NotStarted)
        {
            lock (_gate)
                next.Status = ThreadStatus.Running;
            var live = Interlocked.Increment(ref _liveWorkers);
            next.StartStep = _step - 1;
            // Queued work usually runs to its end without stopping, so the OS thread that chose it runs it, above the
            // chooser's scheduling point (or, for a thread that finished, in its place): no OS thread switch.
            if (NestingHost(me, next) is { } host)
                host.NextAbove = next;
            else if (me is null && LogicalThread.Current?.Below is null && Worker.Current is { } worker)
                worker.RunNext(next);
            else
            {
                _osHandoffs++;
                _peakWorkers = Math.Max(_peakWorkers, live);
                WorkerPool.Shared.Start(next);
            }
        }
        else if (next.Above is { Status: not ThreadStatus.Finished } above)
        {
            // The work above next stopped at a scheduling point and next must run first: it cannot, on that stack.
            // Run the execution again with the same decisions, and that work on a worker of its own.
            lock (_gate)
            {
                _restartRequested = true;
                UnnestStep = above.StartStep;
            }
            BeginAbort();
        }
        else
        {
            _osHandoffs++;
            next.Baton.Signal();
        }

        if (me is null)
            return;
        if (me.NextAbove is not null)
            RunAbove(me);
        Park(me);
    }

    /// <summary>The thread above whose scheduling point <paramref name="work"/> runs, or <see langword="null"/> to run it on a worker.</summary>
    private LogicalThread? NestingHost(LogicalThread? me, LogicalThread work)
    {
        if (!Nesting || !work.IsQueuedWork || Unnested?.Contains(work.StartStep) == true)
            return null;
        // A thread that finished hands its OS thread on: to the thread it ran above, if any.
        var host = me ?? LogicalThread.Current?.Below;
        // Thread 0 on the caller's OS thread must stay free to notice a stall (Park), so nothing runs above it there.
        if (host is null || (host.Number == 0 && !MainCanHost))
            return null;
        var depth = 0;
        for (var below = host.Below; below is not null; below = below.Below)
        {
            if (++depth >= MaxNesting)
                return null;
        }
        return host;
    }

    /// <summary>Runs the queued work chosen to run above <paramref name="host"/>, one item after another, on this OS thread.</summary>
    private void RunAbove(LogicalThread host)
    {
        var batons = t_nestedBatons ??= new Stack<Baton>();
        while (host.NextAbove is { } work)
        {
            host.NextAbove = null;
            host.Above = work;
            work.Below = host;
            var baton = batons.Count > 0 ? batons.Pop() : new Baton();
            baton.Claim(work);
            work.Baton = baton;
            RunThread(work);
            baton.Release();
            batons.Push(baton);
            host.Above = null;
        }
        LogicalThread.Current = host;
        LoomRuntime.CurrentExecution.Value = this;
        SynchronizationContext.SetSynchronizationContext(ContextOf(host));
    }

    private void Park(LogicalThread me)
    {
        var seenStep = Volatile.Read(ref _step);
        var quiet = Stopwatch.StartNew();
        while (!me.Baton.Wait(StallPollMilliseconds))
        {
            var step = Volatile.Read(ref _step);
            if (step != seenStep || _aborting)
            {
                seenStep = step;
                quiet.Restart();
                continue;
            }
            if (quiet.Elapsed >= Options.StallTimeout)
            {
                ReportStall();
                quiet.Restart();
            }
        }
        ThrowIfAborting(me);
    }

    private void ThrowIfAborting(LogicalThread? me)
    {
        if (me is not null && (_aborting || me.Killed))
            throw new ExecutionAbortedException();
    }
}
