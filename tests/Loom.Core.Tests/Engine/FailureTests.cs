using System;
using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

public class FailureTests
{
    [Fact]
    public void An_exception_in_a_spawned_thread_fails_the_execution_with_that_threads_stack()
    {
        var result = LoomModel.Explore(() =>
        {
            var worker = new Thread(Explode) { Name = "worker" };
            worker.Start();
            worker.Join();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Equal(1, failure.ThreadId);
        Assert.IsType<ArithmeticException>(failure.Exception);
        Assert.Contains("thread 1 'worker' threw System.ArithmeticException: boom", failure.Report);
        Assert.Contains(nameof(Explode), failure.Report);
    }

    private static void Explode()
    {
        Interlocked.MemoryBarrier();
        throw new ArithmeticException("boom");
    }

    [Fact]
    public void A_deadlock_reports_every_threads_blocked_operation_and_location()
    {
        var result = LoomModel.Explore(Models.AbbaDeadlock);

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 0 is blocked in Thread\.Join at Models\.cs:\d+: joining thread 1", failure.Message);
        Assert.Matches(@"thread 1 is blocked in Monitor\.Enter at Models\.cs:\d+: waiting for lock#\d+, held by thread 2", failure.Message);
        Assert.Matches(@"thread 2 is blocked in Monitor\.Enter at Models\.cs:\d+: waiting for lock#\d+, held by thread 1", failure.Message);
    }

    [Fact]
    public void A_spin_loop_that_never_ends_exceeds_the_step_bound_and_names_the_loop()
    {
        var result = LoomModel.Explore(
            () =>
            {
                var flag = new Models.Counter();
                var spinner = new Thread(() =>
                {
                    while (Interlocked.CompareExchange(ref flag.Value, 0, 0) == 0)
                        Thread.Yield();
                });
                spinner.Start();
                spinner.Join();
            },
            new LoomOptions { MaxSteps = 200 });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.StepBoundExceeded, failure.Kind);
        Assert.Contains("more than 200 scheduling points", failure.Message);
        Assert.Contains("FailureTests.cs", failure.Message);
    }

    [Fact]
    public void A_thread_still_running_when_the_body_returns_is_a_failure()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Models.Counter();
            new Thread(() => Interlocked.Increment(ref counter.Value)).Start();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.ThreadLeaked, failure.Kind);
        Assert.Contains("thread 1", failure.Message);
        Assert.Contains("Join every thread", failure.Message);
    }

    [Fact]
    public void A_lock_still_held_when_the_body_returns_is_a_failure_naming_where_it_was_taken()
    {
        var result = LoomModel.Explore(() =>
        {
            var gate = new object();
            var worker = new Thread(() => Monitor.Enter(gate));
            worker.Start();
            worker.Join();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.LockLeaked, failure.Kind);
        Assert.Matches(@"thread 1 still holds lock#\d+ \(entered at FailureTests\.cs:\d+\)", failure.Message);
    }

    [Fact]
    public void A_body_that_reaches_no_controlled_operation_fails_and_says_why()
    {
        var ran = 0;
        var result = LoomModel.Explore(() => ran++);

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.NothingControlled, failure.Kind);
        Assert.Contains("nothing was explored", failure.Message);
        // It says what to check: the rewriter's messages, and the property for a package's assembly.
        Assert.Contains("'Loom.Rewriting:' build messages", failure.Message);
        Assert.Contains("<LoomRewriteAssembly Include=", failure.Message);
        Assert.Equal(1, ran);
    }

    private static int s_executionsSeen;

    [Fact]
    public void A_model_that_behaves_differently_on_the_same_schedule_is_reported_as_nondeterministic()
    {
        s_executionsSeen = 0;
        var result = LoomModel.Explore(() =>
        {
            // State that outlives an execution changes which threads exist from one run to the next. It alternates
            // rather than changing once, so a run restarted after a garbage collection cannot use the change up.
            var extra = s_executionsSeen++ % 2 == 0 ? 1 : 2;
            var counter = new Models.Counter();
            var threads = new Thread[extra + 1];
            for (var i = 0; i < threads.Length; i++)
                threads[i] = new Thread(() => { Interlocked.Increment(ref counter.Value); Interlocked.Increment(ref counter.Value); });
            foreach (var t in threads)
                t.Start();
            foreach (var t in threads)
                t.Join();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Nondeterminism, failure.Kind);
        Assert.Contains("different path at step", failure.Message);
    }

    [Fact]
    public void A_real_thread_that_calls_the_mirror_inside_an_execution_is_reported_as_an_escape_with_its_location()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Models.Counter();
            var real = new System.Threading.Thread(() => Interlocked.Increment(ref counter.Value));
            real.Start();
            real.Join();
            Interlocked.Increment(ref counter.Value);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.UncontrolledConcurrency, failure.Kind);
        Assert.Contains("Interlocked.Increment was called at FailureTests.cs:", failure.Message);
        Assert.Contains("<LoomRewriteAssembly Include=", failure.Message);
    }

    [Fact]
    public void A_thread_pool_item_that_calls_the_mirror_inside_an_execution_is_reported_as_an_escape()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Models.Counter();
            // Task.Wait could inline a task onto the waiting (controlled) thread; a pool work item cannot be.
            using var done = new System.Threading.ManualResetEventSlim();
            System.Threading.ThreadPool.QueueUserWorkItem(_ =>
            {
                Interlocked.Increment(ref counter.Value);
                done.Set();
            });
            done.Wait();
            Interlocked.Increment(ref counter.Value);
        });

        Assert.Equal(FailureKind.UncontrolledConcurrency, result.Failure?.Kind);
    }

    [Fact]
    public void A_real_lock_that_blocks_a_logical_thread_is_reported_as_a_stall_with_the_fix()
    {
        var result = LoomModel.Explore(
            () =>
            {
                var realGate = new object();
                var counter = new Models.Counter();
                System.Threading.ThreadStart body = () =>
                {
                    lock (realGate)
                    {
                        Interlocked.Increment(ref counter.Value);
                    }
                };
                var t1 = new Thread(body);
                var t2 = new Thread(body);
                t1.Start();
                t2.Start();
                t1.Join();
                t2.Join();
            },
            new LoomOptions { StallTimeout = TimeSpan.FromSeconds(1) });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Stalled, failure.Kind);
        Assert.Contains("lock statement", failure.Message);
        Assert.Contains("not rewritten", failure.Message);
    }

    [Fact]
    public void The_failure_report_shows_the_interleaving_step_by_step_and_how_to_replay_it()
    {
        var result = LoomModel.Explore(Models.LostUpdate);

        var report = result.Failure!.Report;
        Assert.Contains("Interleaving (schedule ", report);
        Assert.Matches(@"\* +\d+  thread \d  Interlocked\.", report);
        Assert.Contains("Models.cs:", report);
        Assert.Contains($"LoomOptions {{ Schedule = \"{result.Failure.ScheduleId}\" }}", report);
        Assert.Contains($"[LoomTheory(Schedule = \"{result.Failure.ScheduleId}\")]", report);
    }

    [Fact]
    public void Check_throws_a_failure_exception_carrying_the_report()
    {
        var ex = Assert.Throws<LoomFailureException>(() => LoomModel.Check(Models.LostUpdate));

        Assert.Equal(FailureKind.Exception, ex.Failure.Kind);
        Assert.Equal(ex.Failure.Report, ex.Message);
    }
}
