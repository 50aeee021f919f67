using System.Linq;
using Xunit;

namespace Loom.Tests.Engine;

public class SeededStrategyTests
{
    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void The_same_seeds_give_the_same_schedules(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Seed = 7, Iterations = 30 };

        var first = LoomModel.Explore(Models.ThreeThreadsOnALock, options);
        var second = LoomModel.Explore(Models.ThreeThreadsOnALock, options);

        Assert.True(first.Passed && second.Passed);
        Assert.Equal(first.Schedules, second.Schedules);
        Assert.True(first.Schedules.Distinct().Count() > 1, "a random walk over 30 seeds explores more than one interleaving");
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void A_seed_run_alone_gives_the_same_execution_as_in_a_sequence(LoomStrategy strategy)
    {
        var sequence = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { Strategy = strategy, Seed = 0, Iterations = 20 });
        var alone = LoomModel.Explore(Models.ThreeThreadsOnALock, new LoomOptions { Strategy = strategy, Seed = 13, Iterations = 1 });

        Assert.Equal(sequence.Schedules[^(20 - 13)], alone.Schedules[^1]);
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void Seeded_strategies_find_the_lost_update_and_report_the_seed(LoomStrategy strategy)
    {
        var result = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Strategy = strategy, Iterations = 200 });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.NotNull(failure.Seed);
        Assert.Contains($"Seed = {failure.Seed}, Iterations = 1", failure.Report);

        var again = LoomModel.Explore(Models.LostUpdate, new LoomOptions { Strategy = strategy, Seed = failure.Seed!.Value, Iterations = 1 });
        Assert.Equal(FailureKind.Exception, again.Failure?.Kind);
        Assert.Equal(failure.ScheduleId, again.Failure!.ScheduleId);
    }
}
