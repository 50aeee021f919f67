using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Tasks;
using Xunit;
using ManualResetEventSlim = System.Threading.ManualResetEventSlim;

namespace Loom.Tests.Engine;

/// <summary>
/// Queued work runs on the OS thread of the thread that chose it, above that thread's scheduling point, so that
/// async models need no OS thread switch; work that stops midway and stands in the way of the thread below it
/// makes the execution run again with that work on a worker. Explorations must be the same either way.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public class NestedWorkTests
{
    private sealed class Counter
    {
        public int Value;
    }

    private static async Task TasksThatRunToTheirEnd()
    {
        var counter = new Counter();
        async Task Increment()
        {
            await Task.Yield();
            counter.Value++;
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
        if (counter.Value != 3)
            throw new InvalidOperationException($"expected 3, counted {counter.Value}");
    }

    /// <summary>Each task stops midway at Interlocked operations, where the thread below it may have to run first.</summary>
    private static async Task TasksThatStopMidway()
    {
        var counter = new Counter();
        async Task Increment()
        {
            Interlocked.Increment(ref counter.Value);
            await Task.Yield();
            Interlocked.Increment(ref counter.Value);
        }
        var first = LoomTask.Run(Increment);
        Interlocked.Increment(ref counter.Value);
        await Task.WhenAll(first, LoomTask.Run(Increment));
        if (Volatile.Read(ref counter.Value) != 5)
            throw new InvalidOperationException($"expected 5, counted {counter.Value}");
    }

    /// <summary>A lost update across an await, with a midway stop before it: a bug both ways must find alike.</summary>
    private static async Task LostUpdateThatStopsMidway()
    {
        var counter = new Counter();
        async Task Increment()
        {
            var seen = Volatile.Read(ref counter.Value);
            await Task.Yield();
            Volatile.Write(ref counter.Value, seen + 1);
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment));
        if (Volatile.Read(ref counter.Value) != 2)
            throw new InvalidOperationException($"expected 2, counted {counter.Value}");
    }

    [Fact]
    public void An_async_model_whose_work_runs_to_its_end_starts_no_pooled_worker()
    {
        var before = WorkerPool.Shared.ThreadsStarted;

        var result = LoomModel.Explore(TasksThatRunToTheirEnd, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 500 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(500, result.Executions);
        Assert.Equal(0, result.NestingRestarts);
        Assert.Equal(before, WorkerPool.Shared.ThreadsStarted);
    }

    [Fact]
    public void Without_nesting_the_same_model_hands_work_to_pooled_workers()
    {
        var before = WorkerPool.Shared.ThreadsStarted;

        var result = LoomModel.Explore(TasksThatRunToTheirEnd, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 100, Nesting = false });

        Assert.True(result.Passed, result.Failure?.Report);
        // At least the first task of each execution goes to a worker (a finishing worker then runs the next one itself).
        Assert.True(WorkerPool.Shared.ThreadsStarted - before >= 100, $"{WorkerPool.Shared.ThreadsStarted - before} threads started");
    }

    public static TheoryData<string> Models() => [nameof(TasksThatRunToTheirEnd), nameof(TasksThatStopMidway), nameof(LostUpdateThatStopsMidway)];

    private static Func<Task> Model(string name) => name switch
    {
        nameof(TasksThatRunToTheirEnd) => TasksThatRunToTheirEnd,
        nameof(TasksThatStopMidway) => TasksThatStopMidway,
        _ => LostUpdateThatStopsMidway,
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Exhaustive_exploration_is_the_same_with_and_without_nesting(string model)
    {
        var options = new LoomOptions { PreemptionBound = null, StopAtFirstFailure = false };

        var nested = LoomModel.Explore(Model(model), options);
        var unnested = LoomModel.Explore(Model(model), options with { Nesting = false });

        Assert.Equal(unnested.Executions, nested.Executions);
        Assert.Equal(unnested.Schedules, nested.Schedules);
        Assert.Equal(unnested.Failures.Select(f => (f.Kind, f.ScheduleId)), nested.Failures.Select(f => (f.Kind, f.ScheduleId)));
    }

    [Fact]
    public void The_exhaustive_search_carries_where_work_left_the_chooser_from_one_execution_to_the_next()
    {
        // Consecutive executions share a prefix, so the work that stood in the way in one stands in the way in the
        // next; without the carried hints, about one execution in five of this search ran twice.
        static async Task ThreeTasksOfTwoYields()
        {
            var counter = new Counter();
            async Task Increment()
            {
                await Task.Yield();
                await Task.Yield();
                Interlocked.Increment(ref counter.Value);
            }
            await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
        }

        var result = LoomModel.Explore(ThreeTasksOfTwoYields);

        Assert.True(result.Passed && result.Exhausted, result.Summary);
        Assert.True(result.Executions > 1_000, $"{result.Executions} executions");
        Assert.InRange(result.NestingRestarts, 1, result.Executions / 20);
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void Seeded_exploration_gives_the_same_traces_with_and_without_nesting(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Iterations = 200, DeterminismCheck = true, StopAtFirstFailure = false };

        var nested = LoomModel.Explore(TasksThatStopMidway, options);
        var unnested = LoomModel.Explore(TasksThatStopMidway, options with { Nesting = false });

        Assert.True(nested.Passed, nested.Failure?.Report);
        Assert.Equal(unnested.TraceHashes, nested.TraceHashes);
        Assert.True(nested.NestingRestarts > 0, "the model makes midway work stand in the way of the thread below it");
    }

    [Fact]
    public void The_bugs_found_with_nesting_are_the_ones_found_without()
    {
        var nested = LoomModel.Explore(LostUpdateThatStopsMidway);
        var unnested = LoomModel.Explore(LostUpdateThatStopsMidway, new LoomOptions { Nesting = false });

        var failure = Assert.IsType<LoomFailure>(nested.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Equal(unnested.Failure?.ScheduleId, failure.ScheduleId);
        Assert.Equal(unnested.Executions, nested.Executions);
        Assert.Equal(FailureKind.Exception, LoomModel.Explore(LostUpdateThatStopsMidway, new LoomOptions { Schedule = failure.ScheduleId }).Failure?.Kind);
    }

    [Fact]
    public void Work_stuck_in_a_real_wait_on_the_explorations_own_thread_is_reported_and_the_thread_abandoned()
    {
        using var gate = new ManualResetEventSlim();
        // Releases the stuck work in any case, so that a regression fails this test rather than hangs the suite.
        using var backstop = new System.Threading.Timer(_ => gate.Set(), null, TimeSpan.FromSeconds(60), System.Threading.Timeout.InfiniteTimeSpan);

        var result = LoomModel.Explore(
            async () => await LoomTask.Run(() => gate.Wait()),
            new LoomOptions { StallTimeout = TimeSpan.FromMilliseconds(300) });
        gate.Set();

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Stalled, failure.Kind);
        Assert.Contains("without reaching a Loom scheduling point", failure.Message);
        Assert.Contains("Loom abandoned it", failure.Message);
    }
}
