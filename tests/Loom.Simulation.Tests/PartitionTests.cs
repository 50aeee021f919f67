using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class PartitionTests
{
    /// <summary>Three nodes that each send a datagram to both others every <paramref name="interval"/> and count what they receive, by sender.</summary>
    private static Dictionary<(string From, string To), int> Chatter(SimWorld world, TimeSpan interval)
    {
        var received = new Dictionary<(string, string), int>();
        string[] names = ["a", "b", "c"];
        foreach (var name in names)
        {
            world.AddNode(name, async node =>
            {
                using var socket = node.Network.Bind(9);
                _ = Listen();
                while (true)
                {
                    foreach (var other in names.Where(n => n != name))
                        socket.Send(other, 9, [1]);
                    await Task.Delay(interval, node.Clock);
                }

                async Task Listen()
                {
                    while (true)
                    {
                        var d = await socket.ReceiveAsync();
                        received[(d.From, name)] = received.GetValueOrDefault((d.From, name)) + 1;
                    }
                }
            });
        }
        return received;
    }

    [Fact]
    public void A_symmetric_partition_blocks_both_ways_and_an_asymmetric_one_only_one_way()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var received = Chatter(world, Ms(10));
            await world.Wait(Ms(5));
            var split = world.Network.Partition(["a"], ["b", "c"]);
            received.Clear();
            await world.Wait(Ms(500));

            Assert.Equal(0, received.GetValueOrDefault(("a", "b")) + received.GetValueOrDefault(("b", "a")) + received.GetValueOrDefault(("c", "a")));
            Assert.True(received[("b", "c")] > 40);
            split.Heal();
            Assert.False(split.IsActive);

            world.Network.PartitionOneWay(["a"], ["b"]);
            received.Clear();
            await world.Wait(Ms(500));
            Assert.Equal(0, received.GetValueOrDefault(("a", "b")));
            Assert.True(received[("b", "a")] > 40);
            Assert.True(world.Network.IsBlocked("a", "b"));
            Assert.False(world.Network.IsBlocked("b", "a"));
            world.Network.HealAll();
            Assert.Empty(world.Network.Partitions);
        });

        Passes(result);
    }

    [Fact]
    public void Random_partitions_come_at_their_rate_heal_after_their_duration_and_are_asymmetric_in_their_share()
    {
        int partitions = 0, asymmetric = 0, healed = 0;
        var simulated = TimeSpan.Zero;
        var result = Seeds(
            async () =>
            {
                var options = new SimulationOptions
                {
                    Partitions = new PartitionFaults { Rate = 0.5, AsymmetricProbability = 0.3, Duration = TimeDistribution.Constant(Ms(500)) },
                };
                await using var world = new SimWorld(options);
                Chatter(world, Ms(100));
                await world.Wait(Seconds(100));
                var events = world.Events.Where(e => e.Kind == SimEventKind.Partition).ToList();
                var starts = events.Where(e => e.Description.Contains("starts", StringComparison.Ordinal)).ToList();
                partitions += starts.Count;
                asymmetric += starts.Count(e => e.Description.Contains("one way", StringComparison.Ordinal));
                healed += events.Count(e => e.Description.StartsWith("healed after 500 ms", StringComparison.Ordinal));
                simulated += world.Clock.Elapsed;
            },
            seeds: 10);

        Passes(result);
        var rate = partitions / simulated.TotalSeconds;
        Assert.InRange(rate, 0.4, 0.6);
        Assert.InRange(asymmetric / (double)partitions, 0.2, 0.4);
        Assert.InRange(partitions - healed, 0, 10);
    }

    [Fact]
    public void Clogs_come_at_the_rate_of_each_link()
    {
        int clogs = 0;
        var result = Seeds(
            async () =>
            {
                var options = new SimulationOptions
                {
                    Network = new LinkFaults { ClogRate = 0.1, ClogDuration = TimeDistribution.Constant(Seconds(1)) },
                };
                await using var world = new SimWorld(options);
                Chatter(world, Ms(100));
                await world.Wait(Seconds(50));
                clogs += world.Events.Count(e => e.Kind == SimEventKind.Clog);
            },
            seeds: 10);

        Passes(result);
        // Six directed links at 0.1 clogs per second each, over 500 simulated seconds.
        Assert.InRange(clogs, 240, 360);
    }

    [Fact]
    public void A_clogged_link_delivers_everything_it_held_when_it_clears()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var arrivals = new List<TimeSpan>();
            world.AddNode("b", async node =>
            {
                using var socket = node.Network.Bind(9);
                while (true)
                {
                    await socket.ReceiveAsync();
                    arrivals.Add(world.Clock.Elapsed);
                }
            });
            world.AddNode("a", async node =>
            {
                using var socket = node.Network.Bind();
                world.Network.Clog("a", "b", Seconds(1));
                for (var i = 0; i < 5; i++)
                {
                    socket.Send("b", 9, [1]);
                    await Task.Delay(Ms(100), node.Clock);
                }
            });
            await world.Wait(Seconds(2));

            Assert.Equal(Enumerable.Repeat(Seconds(1), 5), arrivals);
        });

        Passes(result);
    }

    [Fact]
    public void Partition_mistakes_are_clear_errors()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            world.AddNode("a", _ => Task.CompletedTask);
            world.AddNode("b", _ => Task.CompletedTask);
            await world.Wait(Ms(1));

            Assert.Contains("No node named 'x'", Assert.Throws<ArgumentException>(() => world.Network.Partition(["a"], ["x"])).Message);
            Assert.Contains("at least one node", Assert.Throws<ArgumentException>(() => world.Network.Partition([], ["a"])).Message);
            Assert.Contains("on both sides", Assert.Throws<ArgumentException>(() => world.Network.Partition(["a"], ["a", "b"])).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => world.Network.Partition(["a"], ["b"], TimeSpan.Zero));
            Assert.Throws<ArgumentException>(() => world.Network.Clog("a", "q", Seconds(1)));
            Assert.Contains("link a -> b.DropProbability", Assert.Throws<ArgumentException>(() => world.Network.ConfigureLink("a", "b", new LinkFaults { DropProbability = 2 })).Message);
        });

        Passes(result);
    }

    [Fact]
    public void A_fault_injector_told_about_a_node_that_does_not_exist_says_so()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { Partitions = new PartitionFaults { Rate = 10, Among = ["a", "typo"] } });
            world.AddNode("a", n => Task.Delay(Seconds(10), n.Clock));
            await world.Wait(Seconds(5));
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("'typo', but the world has no such node", failure.Message);
    }
}
