using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class NodeClockTests
{
    [Fact]
    public void A_nodes_clock_shows_its_skew_and_drift_and_its_timers_count_on_it()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            TimeSpan firedAt = default;
            var node = world.AddNode(
                "fast",
                async node =>
                {
                    await Task.Delay(Seconds(10), node.Clock);
                    firedAt = world.Clock.Elapsed;
                },
                new SimNodeOptions { ClockSkew = Seconds(3), ClockDrift = 0.01 });
            await world.Wait(Seconds(100));

            Assert.Equal(SimClock.Epoch + Seconds(100 + 3 + 1), node.Clock.GetUtcNow());
            Assert.Equal(Seconds(101).Ticks, node.Clock.GetTimestamp());
            // Ten seconds on a clock 1% fast pass in 9.90099 true seconds.
            Assert.Equal(TimeSpan.FromTicks((long)Math.Ceiling(Seconds(10).Ticks / 1.01)), firedAt);
        });

        Passes(result);
    }

    [Fact]
    public void A_jump_moves_the_wall_clock_but_not_timestamps_or_timers()
    {
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Clocks = new ClockFaults { JumpRate = 2, MaxJump = Seconds(30) } });
                TimeSpan firedAt = default;
                var node = world.AddNode("n", async node =>
                {
                    await Task.Delay(Seconds(10), node.Clock);
                    firedAt = world.Clock.Elapsed;
                });
                await world.Wait(Seconds(20));
                var jumps = world.Events.Where(e => e.Kind == SimEventKind.Clock).ToList();

                Assert.NotEmpty(jumps);
                Assert.Equal(Seconds(10), firedAt);
                Assert.Equal(Seconds(20).Ticks, node.Clock.GetTimestamp());
                Assert.Equal(SimClock.Epoch + Seconds(20) + node.Clock.Jumped, node.Clock.GetUtcNow());
                Assert.True(node.Clock.Jumped != TimeSpan.Zero);
            },
            seeds: 5);

        Passes(result);
    }

    [Fact]
    public void Skews_and_drifts_are_drawn_within_bounds_and_decided_by_the_seed()
    {
        static List<(TimeSpan, double)> Draw(long seed)
        {
            var drawn = new List<(TimeSpan, double)>();
            Passes(Once(
                async () =>
                {
                    await using var world = new SimWorld(new SimulationOptions { Clocks = new ClockFaults { MaxSkew = Seconds(2), MaxDrift = 0.001 } });
                    foreach (var name in new[] { "a", "b", "c" })
                    {
                        var node = world.AddNode(name, _ => Task.CompletedTask);
                        drawn.Add((node.Clock.Skew, node.Clock.Drift));
                    }
                    await world.Wait(Ms(1));
                },
                seed));
            return drawn;
        }

        var first = Draw(7);
        Assert.Equal(first, Draw(7));
        Assert.NotEqual(first, Draw(8));
        Assert.All(Enumerable.Range(0, 20).SelectMany(s => Draw(s)), d =>
        {
            Assert.InRange(d.Item1, -Seconds(2), Seconds(2));
            Assert.InRange(d.Item2, -0.001, 0.001);
        });
    }
}
