using Loom.Simulation;
using Loom.Threading.Tasks;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Simulation;

public class SeedTests
{
    private static async Task RandomWork()
    {
        var draws = new List<int>();
        async Task Draw()
        {
            await LoomTask.Delay(Sim.Random.Next(1, 100));
            draws.Add(Sim.Random.Next(1000));
        }
        await Task.WhenAll(LoomTask.Run(Draw), LoomTask.Run(Draw), LoomTask.Run(Draw));
        if (draws.Sum() < 0)
            throw new InvalidOperationException("unreachable");
    }

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void The_same_seed_gives_the_same_trace_hash_on_every_run(LoomStrategy strategy)
    {
        var options = new LoomOptions { Strategy = strategy, Seed = 100, Iterations = 20, DeterminismCheck = true };

        var first = LoomModel.Explore(RandomWork, options);
        var second = LoomModel.Explore(RandomWork, options);

        Assert.True(first.Passed, first.Failure?.Report);
        Assert.Equal(20, first.TraceHashes.Count - (strategy == LoomStrategy.Pct ? 1 : 0));
        Assert.Equal(first.TraceHashes, second.TraceHashes);
        Assert.True(first.TraceHashes.Distinct().Count() > 1, "different seeds give different runs");
    }

    [Fact]
    public void The_determinism_check_reports_a_model_that_uses_real_randomness_with_the_first_difference()
    {
        var result = LoomModel.Explore(
            async () =>
            {
                await LoomTask.Delay(Random.Shared.Next(1, 1_000_000));
                await LoomTask.Delay(1);
            },
            new LoomOptions { DeterminismCheck = true });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Nondeterminism, failure.Kind);
        Assert.Contains("determinism check failed", failure.Message);
        Assert.Contains("First divergent step", failure.Message);
    }

    [Fact]
    public void Sim_random_and_guids_are_decided_by_the_seed()
    {
        static (int, Guid) Draw(long seed)
        {
            (int, Guid) drawn = default;
            LoomModel.Explore(
                () =>
                {
                    Loom.Threading.Thread.Yield();
                    drawn = (Sim.Random.Next(), Sim.NewGuid());
                },
                new LoomOptions { Strategy = LoomStrategy.Random, Seed = seed, Iterations = 1 });
            return drawn;
        }

        Assert.Equal(Draw(5), Draw(5));
        Assert.NotEqual(Draw(5), Draw(6));
        Assert.Equal(4, Draw(5).Item2.Version);
    }

    [Fact]
    public void Sim_random_has_a_fixed_sequence_and_validates_like_random()
    {
        var a = new SimRandom(42);
        var b = new SimRandom(42);

        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.Next(1000)), Enumerable.Range(0, 10).Select(_ => b.Next(1000)));
        Assert.InRange(a.NextDouble(), 0.0, 1.0);
        Assert.InRange(a.Next(5, 10), 5, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Next(10, 5));
    }
}
