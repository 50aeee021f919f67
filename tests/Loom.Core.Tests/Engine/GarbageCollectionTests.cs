using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>
/// Interlocked and Volatile name memory by reference, and the collector may move an object between two accesses
/// of one execution. Loom keys such locations by address and restarts an execution that a collection
/// interrupted; these tests force collections mid-execution and check the exploration is unchanged.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public class GarbageCollectionTests
{
    private static bool s_collectOnce;

    [Fact]
    public void A_collection_between_two_accesses_restarts_the_execution_and_changes_no_result()
    {
        var baseline = LoomModel.Explore(LostUpdateWithCollection, new LoomOptions { PreemptionBound = null });

        s_collectOnce = true;
        var collected = LoomModel.Explore(LostUpdateWithCollection, new LoomOptions { PreemptionBound = null });

        Assert.False(s_collectOnce);
        Assert.Equal(1, collected.GcRestarts);
        Assert.Contains("; 1 restart after garbage collections; ", collected.Summary);
        Assert.DoesNotContain("garbage collection", baseline.Summary);
        Assert.Equal(baseline.Executions, collected.Executions);
        Assert.Equal(baseline.Schedules, collected.Schedules);
        Assert.Equal(baseline.Failure?.Kind, collected.Failure?.Kind);
        Assert.Equal(baseline.Failure?.ScheduleId, collected.Failure?.ScheduleId);
    }

    private static void LostUpdateWithCollection()
    {
        // Fresh objects in generation 0 are the ones a collection moves.
        var counter = new Models.Counter();
        var t1 = new Thread(() =>
        {
            var seen = Interlocked.CompareExchange(ref counter.Value, 0, 0);
            if (s_collectOnce)
            {
                s_collectOnce = false;
                System.GC.Collect(0, System.GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            Interlocked.Exchange(ref counter.Value, seen + 1);
        });
        var t2 = new Thread(() => Interlocked.Exchange(ref counter.Value, Interlocked.CompareExchange(ref counter.Value, 0, 0) + 1));
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Models.Expect(counter.Value == 2, $"expected 2 increments, counted {counter.Value}");
    }

    [Fact]
    public void Collections_forced_from_another_thread_during_exploration_change_no_result()
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 3000 };
        var baseline = LoomModel.Explore(Models.CasIncrements, options);

        var restarts = 0;
        for (var attempt = 0; attempt < 5 && restarts == 0; attempt++)
        {
            // About a thousand compacting collections a second: far more pressure than a busy test process.
            using var stop = new System.Threading.CancellationTokenSource();
            var collector = new System.Threading.Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    System.GC.Collect(0, System.GCCollectionMode.Forced, blocking: true, compacting: true);
                    System.Threading.Thread.Sleep(1);
                }
            });
            collector.Start();
            ExplorationResult under;
            try
            {
                under = LoomModel.Explore(Models.CasIncrements, options);
            }
            finally
            {
                stop.Cancel();
                collector.Join();
            }
            restarts += under.GcRestarts;
            Assert.True(under.Passed, under.Failure?.Report);
            Assert.Equal(baseline.Schedules, under.Schedules);
        }
        Assert.True(restarts > 0, "no collection interrupted an execution in five attempts");
    }

    [Fact]
    public void A_model_that_collects_between_accesses_on_every_run_gets_a_clear_error()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Models.Counter();
            var t = new Thread(() =>
            {
                Interlocked.Increment(ref counter.Value);
                System.GC.Collect();
                Interlocked.Increment(ref counter.Value);
            });
            t.Start();
            t.Join();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("50 times in a row at step", failure.Message);
        Assert.Contains("GC.Collect", failure.Message);
    }
}
