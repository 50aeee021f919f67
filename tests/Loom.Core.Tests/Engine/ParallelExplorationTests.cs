using System;
using System.Diagnostics;
using System.Linq;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Interception;
using Loom.Runtime;
using Loom.Runtime.Sharing;
using Loom.Simulation;
using Loom.Tests.Interception;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>
/// LoomOptions.Parallelism: random and PCT seeds run on several workers and give exactly the sequential run's
/// result, including the first failure, the failures past it and the races learned along the way.
/// </summary>
public class ParallelExplorationTests
{
    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void A_correct_cas_loop_gives_the_sequential_result(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Seed = 3, Iterations = 300, SeedsPerChunk = 16, DeterminismCheck = true };

        var sequential = SameResult.AtEveryParallelism(Models.CasIncrements, options);

        Assert.True(sequential.Passed, sequential.Failure?.Report);
        Assert.Equal(300 + (strategy == LoomStrategy.Pct ? 1 : 0), sequential.Executions);
        Assert.True(sequential.Schedules.Distinct().Count() > 1, "the seeds explore more than one interleaving");
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void A_lost_update_is_found_at_the_same_seed_with_the_same_report(LoomStrategy strategy)
    {
        // One seed a chunk: whatever seed fails first, the chunks before it ran on other workers.
        var options = new LoomOptions { Strategy = strategy, Seed = 40, Iterations = 200, SeedsPerChunk = 1 };

        var sequential = SameResult.AtEveryParallelism(Models.LostUpdate, options);

        var failure = Assert.IsType<LoomFailure>(sequential.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.True(failure.Seed > options.Seed, $"the first failing seed is not the first seed (it is {failure.Seed})");
        Assert.True(sequential.Executions < 200, "the run stopped at the failure");
    }

    [Fact]
    public void Going_on_past_failures_lists_the_same_failures_in_seed_order()
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 120, SeedsPerChunk = 8, StopAtFirstFailure = false };

        var sequential = SameResult.AtEveryParallelism(Models.LostUpdate, options);

        Assert.Equal(120, sequential.Executions);
        Assert.True(sequential.Failures.Count > 1, "several seeds lose the update");
        Assert.Same(sequential.Failures[0], sequential.Failure);
    }

    [Fact]
    public void Workers_started_one_by_one_each_get_their_first_chunk_however_soon_the_first_starts()
    {
        // Many workers of one short seed each: the first worker can run every chunk before the last worker is even
        // created, and the chunks the later workers start with must have been handed out already.
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 64, SeedsPerChunk = 1 };

        for (var run = 0; run < 20; run++)
        {
            var result = LoomModel.Explore(Models.CasIncrements, options with { Parallelism = 64 });

            Assert.Equal(64, result.Executions);
            Assert.True(result.Passed);
        }
    }

    [Theory]
    [InlineData(LoomStrategy.Random, 37)]
    [InlineData(LoomStrategy.Pct, 37)]
    [InlineData(LoomStrategy.Pct, 1)]
    public void An_execution_cap_gives_the_same_count(LoomStrategy strategy, int cap)
    {
        var options = new LoomOptions { Strategy = strategy, Iterations = 100, MaxExecutions = cap, SeedsPerChunk = 5 };

        var sequential = SameResult.AtEveryParallelism(Models.ThreeThreadsOnALock, options);

        Assert.Equal(cap, sequential.Executions);
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void An_async_lost_update_gives_the_sequential_result(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Seed = 11, Iterations = 150, SeedsPerChunk = 2 };
        var sequential = LoomModel.Explore(Models.AsyncLostUpdate, options);
        foreach (var parallelism in new[] { 2, 4 })
            SameResult.Assert(sequential, LoomModel.Explore(Models.AsyncLostUpdate, options with { Parallelism = parallelism }));

        Assert.Equal(FailureKind.Exception, sequential.Failure?.Kind);

        // The fixed program (an atomic increment) passes at every parallelism.
        var passing = LoomModel.Explore(Models.AsyncIncrements, options);
        Assert.True(passing.Passed, passing.Failure?.Report);
        SameResult.Assert(passing, LoomModel.Explore(Models.AsyncIncrements, options with { Parallelism = 2 }));
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void A_race_learned_mid_run_is_learned_at_the_same_seed(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Iterations = 400, SeedsPerChunk = 4 };

        var sequential = SameResult.AtEveryParallelism(RareRace, options);

        Assert.True(sequential.Passed, sequential.Failure?.Report);
        Assert.Equal(["Slot.value"], sequential.RacingLocations);
        var firstWithRace = sequential.Schedules.ToList().FindIndex(s => s.StartsWith("races:", StringComparison.Ordinal));
        Assert.True(firstWithRace > 2 * 4, $"the race is learned after the first chunks (at execution {firstWithRace + 1})");
        Assert.StartsWith("races:", sequential.Schedules[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Chunks_that_started_before_an_earlier_one_learned_a_race_run_again()
    {
        // The first seed learns the race; the other workers were handed the next chunks, without it, before any ran.
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 2_000, SeedsPerChunk = 500 };

        var sequential = LoomModel.Explore(CommonRace, options);
        var parallel = LoomModel.Explore(CommonRace, options with { Parallelism = 4 });

        SameResult.Assert(sequential, parallel);
        Assert.Equal(["Slot.value"], sequential.RacingLocations);
        // Chunks 1 to 3 started from the racing set before the race, and each runs again once, from the one after it.
        Assert.Equal(3, parallel.ChunkReruns);
        Assert.Equal(0, sequential.ChunkReruns);
    }

    [Fact]
    public void A_race_that_decides_a_check_then_act_is_found_at_the_same_seed()
    {
        static void CheckThenAct()
        {
            var slot = new Slot();
            Rewritten.All(() => slot.FillOnce("Slot.cs", 10), () => slot.FillOnce("Slot.cs", 20));
            Rewritten.Expect(slot.Fills == 1, $"check-then-act: filled {slot.Fills} times");
        }

        var options = new LoomOptions { Strategy = LoomStrategy.Random, Seed = 5, Iterations = 300, SeedsPerChunk = 3 };
        var sequential = SameResult.AtEveryParallelism(CheckThenAct, options);

        Assert.Equal(FailureKind.Exception, sequential.Failure?.Kind);
        Assert.StartsWith("races:", sequential.Failure!.ScheduleId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_stalls_is_reported_as_the_sequential_run_reports_it()
    {
        static ExplorationResult SpinAtOneSeed(int parallelism)
        {
            // The spin ends once the run has its result, so the abandoned OS thread does not burn a core afterwards.
            // While it spins, the other worker's chunks share the one core left: a whole second between two of
            // their scheduling points keeps a loaded machine from making one of them stall too.
            using var release = new System.Threading.ManualResetEventSlim();
            var result = LoomModel.Explore(
                () =>
                {
                    if (Sim.Random.Next(25) == 0)
                    {
                        while (!release.IsSet)
                        {
                        }
                    }
                    Models.CasIncrements();
                },
                new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 200, SeedsPerChunk = 4, StallTimeout = TimeSpan.FromSeconds(1), Parallelism = parallelism });
            release.Set();
            return result;
        }

        var sequential = SpinAtOneSeed(1);
        var parallel = SpinAtOneSeed(2);

        Assert.Equal(FailureKind.Stalled, sequential.Failure?.Kind);
        Assert.Contains("abandoned it", sequential.Failure!.Message);
        Assert.True(sequential.Executions > 4, $"the stalling seed is not in the first chunk (execution {sequential.Executions})");
        Assert.Equal(sequential.Executions, parallel.Executions);
        Assert.Equal(sequential.Failure.Kind, parallel.Failure?.Kind);
        Assert.Equal(sequential.Failure.Seed, parallel.Failure!.Seed);
        Assert.Equal(sequential.Failure.ScheduleId, parallel.Failure.ScheduleId);
    }

    [Fact]
    public void A_time_limit_stops_starting_chunks_and_the_result_counts_what_was_committed()
    {
        // Each execution sleeps for real, so the limit is spent after a few executions whatever the machine.
        var result = LoomModel.Explore(
            () =>
            {
                System.Threading.Thread.Sleep(40);
                Models.CasIncrements();
            },
            new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 1_000, SeedsPerChunk = 1, MaxDuration = TimeSpan.FromMilliseconds(60), Parallelism = 2 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.InRange(result.Executions, 1, 999);
        Assert.Equal(result.Executions, result.Schedules.Count);
    }

    [Fact]
    public void A_chunk_counts_its_controlled_sites_in_a_batch_naming_the_first_schedule_that_reached_each()
    {
        var batch = new SiteBatch();
        SegmentOutcome outcome;
        LoomRuntime.EnterExploration();
        try
        {
            var segment = new ExplorationSegment(new RandomWalkStrategy(0, 10), new RacingLocations([]), Stopwatch.StartNew()) { Coverage = batch };
            outcome = new Explorer(new LoomOptions { Strategy = LoomStrategy.Random }, ModelBody.From(Models.CasIncrements)).ExploreWatched(segment);
        }
        finally
        {
            LoomRuntime.ExitExploration();
        }

        Assert.Equal(10, outcome.Executions);
        Assert.NotEmpty(batch.Sites);
        Assert.Equal(outcome.Operations, batch.Sites.Sum(site => site.Hits));
        Assert.Equal(batch.Sites.Count, batch.Sites.Select(site => (site.File, site.Line)).Distinct().Count());
        Assert.All(batch.Sites, site => Assert.Contains(site.Schedule.ToString(), outcome.Schedules));
        Assert.Equal(outcome.Schedules[0], batch.Sites[0].Schedule.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Parallelism_below_one_is_rejected(int parallelism)
    {
        var ex = Assert.Throws<ArgumentException>(() => LoomModel.Explore(Models.CasIncrements, new LoomOptions { Strategy = LoomStrategy.Random, Parallelism = parallelism }));

        Assert.Equal("Parallelism", ex.ParamName);
        Assert.Contains($"Invalid Loom option Parallelism: {parallelism} runs nothing", ex.Message);
    }

    [Fact]
    public void A_replay_ignores_parallelism()
    {
        var found = LoomModel.Explore(Models.LostUpdate);
        Assert.False(found.Passed);

        var replayed = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Schedule = found.Failure!.ScheduleId, Parallelism = 4 });

        Assert.Equal(1, replayed.Executions);
        Assert.Equal(FailureKind.Exception, replayed.Failure?.Kind);
        Assert.Equal(found.Failure.ScheduleId, replayed.Failure!.ScheduleId);
    }

    /// <summary>The second thread touches the plain field only when the seed's simulated randomness says so: a race one seed in many learns.</summary>
    private static void RareRace()
    {
        var slot = new Slot();
        var touch = Sim.Random.Next(60) == 0;
        Rewritten.All(
            () => slot.Fill("Slot.cs", 10),
            () =>
            {
                if (touch)
                    slot.Fill("Slot.cs", 20);
            });
    }

    /// <summary>Both threads write the plain field on every seed: the first execution learns the race.</summary>
    private static void CommonRace()
    {
        var slot = new Slot();
        Rewritten.All(() => slot.Fill("Slot.cs", 10), () => slot.Fill("Slot.cs", 20));
    }

    /// <summary>A plain field as rewritten code reaches it (FieldCalls).</summary>
    private sealed class Slot
    {
        private static readonly RuntimeFieldHandle Value = typeof(Slot).GetField(nameof(value), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.FieldHandle;

        private int value;

        public int Fills { get; private set; }

        public void Fill(string file, int line) => FieldCalls.Write(this, ref value, 1, Value, "Slot.value", file, line);

        /// <summary><c>if (value == 0) { value = 1; Fills++; }</c>.</summary>
        public void FillOnce(string file, int line)
        {
            if (FieldCalls.Read(this, ref value, Value, "Slot.value", file, line) != 0)
                return;
            FieldCalls.Write(this, ref value, 1, Value, "Slot.value", file, line);
            Fills++;
        }
    }
}
