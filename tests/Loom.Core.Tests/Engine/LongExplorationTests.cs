using Loom.Threading;
using Xunit;

namespace Loom.Tests.Engine;

public class LongExplorationTests
{
    [Fact]
    public void A_long_exploration_counts_every_execution_and_keeps_a_bounded_sample_of_schedule_ids()
    {
        var counter = 0;
        var executions = ExplorationResult.MaxKeptSchedules + 10;

        var result = LoomModel.Explore(
            () => Interlocked.Increment(ref counter),
            new LoomOptions { Strategy = LoomStrategy.Random, Iterations = executions, DeterminismCheck = false });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(executions, result.Executions);
        Assert.Equal(ExplorationResult.MaxKeptSchedules, result.Schedules.Count);
        Assert.Equal(executions, counter);
    }
}
