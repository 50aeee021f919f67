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
