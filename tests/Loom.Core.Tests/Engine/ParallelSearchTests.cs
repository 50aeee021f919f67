using System;
using System.Linq;
using Loom.Interception;
using Loom.Tests.Interception;
using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>
/// LoomOptions.Parallelism with the exhaustive strategy: workers explore subtrees of the search and the result is
/// the sequential search's, with the same executions in the same order, the same counts for an exhausted space,
/// and the same first failure.
/// </summary>
public class ParallelSearchTests
{
    public static TheoryData<string, int?, bool> CorrectModels()
    {
        var data = new TheoryData<string, int?, bool>();
        foreach (var model in new[] { "cas", "store-buffering", "lock", "disjoint", "cas-3x2" })
        {
            // Three threads of two CAS loops have no end of interleavings without a bound.
            foreach (var bound in model == "cas-3x2" ? new int?[] { 0, 1, 2 } : [null, 0, 1, 2])
                data.Add(model, bound, true);
            data.Add(model, model == "cas-3x2" ? 1 : 2, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorrectModels))]
    public void A_correct_model_is_exhausted_with_the_sequential_counts(string model, int? bound, bool reduce)
    {
        var options = new LoomOptions { PreemptionBound = bound, PartialOrderReduction = reduce, DeterminismCheck = true };

        foreach (var split in new int?[] { 1, 2, 3, null })
        {
            var sequential = SameResult.AtEveryParallelism(Model(model), options with { SplitDepth = split });

            Assert.True(sequential.Passed, sequential.Failure?.Report);
            Assert.True(sequential.Exhausted);
        }
    }

    [Fact]
    public void A_larger_space_is_split_into_many_subtrees_and_counted_exactly()
    {
        var options = new LoomOptions { PreemptionBound = 2, SplitDepth = 8 };

        var sequential = LoomModel.Explore(Model("cas-3x2"), options);
        var parallel = LoomModel.Explore(Model("cas-3x2"), options with { Parallelism = 2 });

        SameResult.Assert(sequential, parallel);
        Assert.True(sequential.Exhausted);
        Assert.Equal(426, sequential.Executions);
        Assert.Equal(sequential.Schedules.Count, sequential.Schedules.Distinct().Count());
        Assert.True(parallel.Parts > 20, $"the search was committed in {parallel.Parts} subtrees");
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, null)]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    public void A_lost_update_is_found_at_the_same_execution_with_the_same_report(bool stopAtFirstFailure, int? bound)
    {
        var options = new LoomOptions { PreemptionBound = bound, StopAtFirstFailure = stopAtFirstFailure };

        foreach (var split in new int?[] { 1, 2, null })
        {
            var sequential = SameResult.AtEveryParallelism(Models.LostUpdate, options with { SplitDepth = split });

            Assert.Equal(FailureKind.Exception, sequential.Failure?.Kind);
            Assert.Equal(stopAtFirstFailure, !sequential.Exhausted);
            Assert.True(stopAtFirstFailure ? sequential.Failures.Count == 1 : sequential.Failures.Count > 1, $"{sequential.Failures.Count} failures");
        }

        // The fixed program passes, its space exhausted, at every parallelism.
        var passing = SameResult.AtEveryParallelism(Models.CasIncrements, options);
        Assert.True(passing.Passed && passing.Exhausted, passing.Summary);
    }

    [Fact]
    public void A_deadlock_is_found_at_the_same_execution()
    {
        var sequential = SameResult.AtEveryParallelism(Models.AbbaDeadlock, new LoomOptions { SplitDepth = 1 });

        Assert.Equal(FailureKind.Deadlock, sequential.Failure?.Kind);
    }

    [Fact]
    public void Weak_memory_value_choices_are_split_and_counted_as_the_sequential_search_counts_them()
    {
        static void StoreBuffering()
        {
            var x = new RacyField<int>();
            var y = new RacyField<int>();
            var t1 = new Thread(() => { x.Write(1); _ = y.Read(); });
            var t2 = new Thread(() => { y.Write(1); _ = x.Read(); });
            t1.Start();
            t2.Start();
            t1.Join();
            t2.Join();
        }

        foreach (var split in new int?[] { 1, 2, 3, null })
        {
            var sequential = SameResult.AtEveryParallelism(StoreBuffering, new LoomOptions { PreemptionBound = null, SplitDepth = split });

            Assert.True(sequential.Exhausted);
            Assert.Equal(4, sequential.Executions);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    public void An_execution_cap_gives_the_same_count(int cap)
    {
        var options = new LoomOptions { PreemptionBound = null, MaxExecutions = cap, SplitDepth = 2 };

        var sequential = SameResult.AtEveryParallelism(Model("cas-3x2"), options);

        Assert.Equal(cap, sequential.Executions);
        Assert.False(sequential.Exhausted);
    }

    [Fact]
    public void A_cap_at_the_size_of_the_space_still_exhausts_it()
    {
        var options = new LoomOptions { PreemptionBound = 2, MaxExecutions = 426, SplitDepth = 4 };

        var sequential = SameResult.AtEveryParallelism(Model("cas-3x2"), options);

        Assert.Equal(426, sequential.Executions);
        Assert.True(sequential.Exhausted, sequential.Summary);
    }

    [Fact]
    public void A_race_learned_mid_search_starts_the_search_again_as_the_sequential_one_does()
    {
        static void CommonRace()
        {
            var slot = new Slot();
            Rewritten.All(() => slot.Fill("Slot.cs", 10), () => slot.Fill("Slot.cs", 20));
        }

        foreach (var split in new int?[] { 1, 2, null })
        {
            var sequential = SameResult.AtEveryParallelism(CommonRace, new LoomOptions { PreemptionBound = null, SplitDepth = split });

            Assert.True(sequential.Exhausted);
            Assert.Equal(["Slot.value"], sequential.RacingLocations);
            Assert.DoesNotContain("races:", sequential.Schedules[0], StringComparison.Ordinal);
            Assert.StartsWith("races:", sequential.Schedules[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_async_lost_update_is_found_and_the_fixed_program_exhausted_as_sequentially()
    {
        var options = new LoomOptions { SplitDepth = 2 };
        var failing = LoomModel.Explore(Models.AsyncLostUpdate, options);
        var passing = LoomModel.Explore(Models.AsyncIncrements, options);
        foreach (var parallelism in new[] { 2, 4 })
        {
            SameResult.Assert(failing, LoomModel.Explore(Models.AsyncLostUpdate, options with { Parallelism = parallelism }));
            SameResult.Assert(passing, LoomModel.Explore(Models.AsyncIncrements, options with { Parallelism = parallelism }));
        }

        Assert.Equal(FailureKind.Exception, failing.Failure?.Kind);
        Assert.True(passing.Passed && passing.Exhausted, passing.Summary);
    }

    [Fact]
    public void A_replay_of_a_failure_found_in_parallel_reproduces_it()
    {
        var found = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Parallelism = 2, SplitDepth = 1 });

        var replayed = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Schedule = found.Failure!.ScheduleId });

        Assert.Equal(1, replayed.Executions);
        Assert.Equal(FailureKind.Exception, replayed.Failure?.Kind);
    }

    [Fact]
    public void Split_depth_below_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LoomModel.Explore(Models.CasIncrements, new LoomOptions { Parallelism = 2, SplitDepth = 0 }));

        Assert.Contains("SplitDepth", error.Message, StringComparison.Ordinal);
    }

    private static Action Model(string name) => name switch
    {
        "cas" => Models.CasIncrements,
        "store-buffering" => Models.StoreBufferingInterlocked,
        "lock" => Models.ThreeThreadsOnALock,
        "disjoint" => Models.DisjointWrites(3),
        "cas-3x2" => ThreeThreadsTwoCasIncrements,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Three threads, each incrementing one counter twice with a compare-exchange loop.</summary>
    private static void ThreeThreadsTwoCasIncrements()
    {
        var counter = new Models.Counter();
        var workers = Enumerable.Range(0, 3).Select(_ => new Thread(() => { counter.CasIncrement(); counter.CasIncrement(); })).ToArray();
        foreach (var worker in workers)
            worker.Start();
        foreach (var worker in workers)
            worker.Join();
        Models.Expect(counter.Value == 6, $"expected 6 increments, counted {counter.Value}");
    }

    /// <summary>A plain field as rewritten code reaches it (FieldCalls).</summary>
    private sealed class Slot
    {
        private static readonly RuntimeFieldHandle Value = typeof(Slot).GetField(nameof(value), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private int value;

        public void Fill(string file, int line) => FieldCalls.Write(this, ref value, 1, Value, "Slot.value", file, line);
    }
}
