using System.Collections.Generic;
using Xunit;
using RealGate = System.Threading.ManualResetEventSlim;
using RealTask = System.Threading.Tasks.Task;
using RealThreadPool = System.Threading.ThreadPool;

namespace Loom.Tests.Engine;

public class EscapeVerdictTests
{
    [Fact]
    public void A_real_task_calling_Loom_fails_every_run_whether_or_not_Wait_inlines_it()
    {
        var verdicts = new List<FailureKind?>();
        for (var run = 0; run < 20; run++)
        {
            // Blocking every pool thread in some runs makes Task.Wait likely to inline the task onto the waiter.
            using var gate = new RealGate();
            if (run % 2 == 0)
            {
                for (var i = 0; i < 2 * System.Environment.ProcessorCount; i++)
                    RealThreadPool.UnsafeQueueUserWorkItem(static g => g.Wait(100), gate, preferLocal: false);
            }
            var result = LoomModel.Explore(() =>
            {
                var counter = 0;
                RealTask.Run(() => Loom.Threading.Interlocked.Increment(ref counter)).Wait();
            });
            gate.Set();
            verdicts.Add(result.Failure?.Kind);
            if (result.Failure is { } failure)
                Assert.Contains("Interlocked.Increment", failure.Message);
        }

        Assert.All(verdicts, kind => Assert.Equal(FailureKind.UncontrolledConcurrency, kind));
    }

    [Fact]
    public void A_real_task_queued_behind_a_busy_pool_is_not_taken_for_a_real_wait()
    {
        // Every pool thread stays busy for 1.5 s, longer than the real-wait probe needs (0.7 s), so the waiter sleeps in
        // the kernel while its task is still queued; the verdict must wait for the task to reach Loom.
        using var gate = new RealGate();
        for (var i = 0; i < RealThreadPool.ThreadCount + 16; i++)
            RealThreadPool.UnsafeQueueUserWorkItem(static g => g.Wait(), gate, preferLocal: false);
        // Not a timer: its callback would queue behind the blocked items.
        var release = new System.Threading.Thread(() =>
        {
            System.Threading.Thread.Sleep(1500);
            gate.Set();
        });
        release.Start();

        var result = LoomModel.Explore(() =>
        {
            var counter = 0;
            RealTask.Run(() => Loom.Threading.Interlocked.Increment(ref counter)).Wait();
        });
        release.Join();

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.UncontrolledConcurrency, failure.Kind);
        Assert.Contains("Interlocked.Increment", failure.Message);
    }

    [Fact]
    public void A_real_task_run_inline_on_a_logical_thread_that_calls_Loom_fails_as_uncontrolled()
    {
        // RunSynchronously always inlines: the path Task.Wait takes when the pool has not started the task yet.
        var result = LoomModel.Explore(() =>
        {
            var counter = 0;
            new RealTask(() => Loom.Threading.Interlocked.Increment(ref counter)).RunSynchronously();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.UncontrolledConcurrency, failure.Kind);
        Assert.Contains("Interlocked.Increment", failure.Message);
    }
}
