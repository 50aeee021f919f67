using Xunit;

namespace Loom.Simulation.Tests;

/// <summary>Runs simulation models the way the tests need: over seeds with the random strategy, or one seed.</summary>
internal static class Simulate
{
    public static ExplorationResult Seeds(Func<Task> body, int seeds, long first = 0, bool determinismCheck = false, LoomStrategy strategy = LoomStrategy.Random) =>
        LoomModel.Explore(body, new LoomOptions { Strategy = strategy, Seed = first, Iterations = seeds, DeterminismCheck = determinismCheck });

    public static ExplorationResult Once(Func<Task> body, long seed = 0) => Seeds(body, 1, seed);

    public static void Passes(ExplorationResult result) => Assert.True(result.Passed, result.Failure?.Report);

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Waits <paramref name="time"/> of the world's true simulated time.</summary>
    public static Task Wait(this SimWorld world, TimeSpan time) => Task.Delay(time, world.Clock);
}
