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
}
