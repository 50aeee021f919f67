using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

public class ExhaustiveExplorationTests
{
    [Fact]
    public void Store_buffering_with_interlocked_is_explored_in_exactly_three_executions()
    {
        var result = LoomModel.Explore(Models.StoreBufferingInterlocked);

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.Equal(3, result.Executions);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void Threads_writing_disjoint_variables_are_explored_in_one_execution(int threads)
    {
        var result = LoomModel.Explore(Models.DisjointWrites(threads), new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.Equal(1, result.Executions);
    }

    [Fact]
    public void Without_partial_order_reduction_the_same_model_takes_more_executions_with_the_same_verdict()
    {
        var reduced = LoomModel.Explore(Models.StoreBufferingInterlocked, new LoomOptions { PreemptionBound = null });
        var full = LoomModel.Explore(Models.StoreBufferingInterlocked, new LoomOptions { PreemptionBound = null, PartialOrderReduction = false });

        Assert.True(reduced.Passed && full.Passed);
        Assert.True(full.Exhausted);
        Assert.True(full.Executions > reduced.Executions, $"full {full.Executions}, reduced {reduced.Executions}");
    }

    [Fact]
    public void Every_lock_order_of_three_threads_is_explored_and_passes()
    {
        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.Equal(6, result.Executions);
    }

    [Fact]
    public void Compare_exchange_increments_are_never_lost()
    {
        var result = LoomModel.Explore(Models.CasIncrements, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.False(result.PrunedByBound);
    }

    [Fact]
    public void A_lost_update_is_found_and_its_schedule_replays_to_the_same_failure()
    {
        var result = LoomModel.Explore(Models.LostUpdate);

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        var replay = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Schedule = result.Failure!.ScheduleId });
        Assert.Equal(1, replay.Executions);
        Assert.Equal(FailureKind.Exception, replay.Failure?.Kind);
        Assert.Equal(
            result.Failure.Trace.Select(s => (s.ThreadId, s.Operation, s.Line)),
            replay.Failure!.Trace.Select(s => (s.ThreadId, s.Operation, s.Line)));
    }

    [Fact]
    public void A_preemption_bound_of_zero_misses_the_lost_update_and_says_the_bound_cut_the_space()
    {
        var bounded = LoomModel.Explore(Models.LostUpdate, new LoomOptions { PreemptionBound = 0 });
        var oneMore = LoomModel.Explore(Models.LostUpdate, new LoomOptions { PreemptionBound = 1 });

        Assert.True(bounded.Passed);
        Assert.True(bounded.Exhausted);
        Assert.True(bounded.PrunedByBound);
        Assert.Contains("within preemption bound 0", bounded.Summary);
        Assert.Equal(FailureKind.Exception, oneMore.Failure?.Kind);
        Assert.Single(oneMore.Failure!.Trace, s => s.IsPreemption);
    }

    [Fact]
    public void Every_execution_has_a_distinct_schedule_id()
    {
        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { PreemptionBound = null });

        Assert.Equal(result.Executions, result.Schedules.Distinct().Count());
    }

    [Fact]
    public void Each_listed_schedule_replays_alone_to_a_passing_execution()
    {
        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { PreemptionBound = null });

        foreach (var schedule in result.Schedules)
        {
            var replay = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { Schedule = schedule });
            Assert.True(replay.Passed, replay.Failure?.Report);
            Assert.Equal(schedule, replay.Schedules.Single());
        }
    }

    [Fact]
    public void Max_executions_stops_early_and_says_the_space_was_not_exhausted()
    {
        var result = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { PreemptionBound = null, MaxExecutions = 2 });

        Assert.Equal(2, result.Executions);
        Assert.False(result.Exhausted);
        Assert.Contains("not exhausted", result.Summary);
    }

    [Fact]
    public void Without_stopping_at_the_first_failure_every_schedule_runs_and_every_failure_is_listed()
    {
        var stopping = LoomModel.Explore(Models.LostUpdate, new LoomOptions { PreemptionBound = null });
        var all = LoomModel.Explore(Models.LostUpdate, new LoomOptions { PreemptionBound = null, StopAtFirstFailure = false });

        Assert.Single(stopping.Failures);
        Assert.False(stopping.Exhausted);
        Assert.True(all.Exhausted);
        Assert.True(all.Failures.Count > 1);
        Assert.Same(all.Failures[0], all.Failure);
        Assert.Equal(all.Executions, all.Schedules.Count);
        Assert.All(all.Failures, f => Assert.Contains(f.ScheduleId, all.Schedules));
        Assert.True(all.Executions > all.Failures.Count, "some schedules pass");
    }

    [Fact]
    public void A_thread_blocked_by_another_threads_operation_still_races_for_the_lock()
    {
        // Both threads may arrive at Enter while the lock is free; the one that loses is blocked by the other's
        // Enter, not at its own arrival, and the Pulse in between must not hide the race.
        var result = LoomModel.Explore(() =>
        {
            var gate = new object();
            System.Threading.ThreadStart body = () =>
            {
                Monitor.Enter(gate);
                Monitor.Pulse(gate);
                Monitor.Exit(gate);
            };
            var t1 = new Thread(body);
            var t2 = new Thread(body);
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(2, result.Executions);
    }

    [Fact]
    public void A_successful_try_enter_does_not_yield_so_both_orders_of_the_following_write_are_explored()
    {
        var finals = new SortedSet<int>();
        var result = LoomModel.Explore(() =>
        {
            var gate = new object();
            var x = new Models.Counter();
            var t1 = new Thread(() =>
            {
                if (Monitor.TryEnter(gate))
                {
                    Interlocked.Exchange(ref x.Value, 1);
                    Monitor.Exit(gate);
                }
            });
            var t2 = new Thread(() => Interlocked.Exchange(ref x.Value, 2));
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            lock (finals)
                finals.Add(x.Value);
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal([1, 2], finals);
    }

    [Fact]
    public void An_aba_between_a_volatile_read_and_its_compare_exchange_is_found()
    {
        // T2 changes the cell and changes it back between T1's read and T1's compare-exchange, which then succeeds.
        var result = LoomModel.Explore(() =>
        {
            var cell = new int[1];
            int seen = -1, witnessed = -1, firstChange = -1;
            var t1 = new Thread(() =>
            {
                seen = Volatile.Read(ref cell[0]);
                witnessed = Interlocked.CompareExchange(ref cell[0], 10, seen);
            });
            var t2 = new Thread(() =>
            {
                var a = Volatile.Read(ref cell[0]);
                firstChange = Interlocked.CompareExchange(ref cell[0], 5, a);
                var b = Volatile.Read(ref cell[0]);
                Interlocked.CompareExchange(ref cell[0], 0, b);
            });
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
            if (seen == 0 && witnessed == 0 && firstChange == 0)
                throw new InvalidOperationException("ABA: the cell changed and changed back between the read and the compare-exchange");
        }, new LoomOptions { PreemptionBound = null });

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.Contains("ABA", result.Failure!.Exception?.Message);
    }
}
