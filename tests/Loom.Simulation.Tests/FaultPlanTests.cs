using System.IO;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class FaultPlanTests
{
    /// <summary>A busy world with every kind of fault: three nodes ping each other and append to a log they flush now and then.</summary>
    private static async Task Chaos(Action<SimWorld>? inspect = null)
    {
        var options = new SimulationOptions
        {
            Network = new LinkFaults { Latency = TimeDistribution.Uniform(Ms(1), Ms(20)), DropProbability = 0.05, DuplicateProbability = 0.05, ClogRate = 0.05 },
            Partitions = new PartitionFaults { Rate = 0.3 },
            Nodes = new NodeFaults { CrashRate = 0.2, PauseRate = 0.1 },
            Clocks = new ClockFaults { MaxSkew = Ms(100), MaxDrift = 0.0001, JumpRate = 0.1 },
            Disk = new DiskFaults { UnflushedWriteKeptProbability = 0.3, TornWriteProbability = 0.5, CorruptReadProbability = 0.01 },
            Buggify = BuggifyOptions.On,
        };
        await using var world = new SimWorld(options);
        string[] names = ["a", "b", "c"];
        foreach (var name in names)
        {
            world.AddNode(name, async node =>
            {
                using var socket = node.Network.Bind(9);
                using var log = node.Disk.Open("log", FileMode.Append, FileAccess.Write);
                var round = 0;
                while (true)
                {
                    foreach (var other in names.Where(n => n != name))
                        socket.Send(other, 9, [(byte)round]);
                    await log.WriteAsync(new byte[700]);
                    if (round++ % 3 == 0 || Buggify.Fire())
                        await log.FlushToDiskAsync();
                    await Task.Delay(Ms(100), node.Clock);
                }
            });
        }
        await world.Wait(Seconds(20));
        inspect?.Invoke(world);
    }

    [Fact]
    public void Every_seed_replays_exactly_with_its_faults()
    {
        var result = Seeds(() => Chaos(), seeds: 8, determinismCheck: true);

        Passes(result);
        Assert.Equal(8, result.TraceHashes.Distinct().Count());
    }

    [Fact]
    public void The_fault_plan_is_decided_by_the_seed()
    {
        static List<SimEvent> Plan(long seed)
        {
            List<SimEvent> events = [];
            Passes(Once(() => Chaos(w => events = w.Events.ToList()), seed));
            return events;
        }

        var plan = Plan(11);
        Assert.Equal(plan, Plan(11));
        Assert.NotEqual(plan, Plan(12));
        foreach (var kind in new[] { SimEventKind.Node, SimEventKind.Partition, SimEventKind.Network, SimEventKind.Disk, SimEventKind.Clock })
            Assert.Contains(plan, e => e.Kind == kind);
    }

    [Fact]
    public void A_failure_tells_the_story_of_the_faults_with_the_step_of_each()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { Disk = new DiskFaults { TornWriteProbability = 1 } });
            var node = world.AddNode("db", async node =>
            {
                using var file = node.Disk.Open("wal", FileMode.Create);
                await file.WriteAsync(new byte[2048]);
                await Task.Delay(Seconds(100), node.Clock);
            });
            world.AddNode("client", _ => Task.CompletedTask);
            await world.Wait(Seconds(1));
            world.Network.PartitionOneWay(["db"], ["client"], Seconds(2));
            world.Note("client", "wrote x = 1 and got an acknowledgement");
            node.Crash();
            await world.Wait(Seconds(3));
            throw new InvalidOperationException("x = 1 was acknowledged but is gone");
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("What happened in the simulated world", failure.Report);
        var story = failure.Notes.Select(n => n.Text).ToList();
        Assert.Contains(story, t => t.Contains("partition 1: {db} --/-> {client} (one way: {client} can still reach {db}) starts, heals at 00:00:03.000", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("model  client: wrote x = 1 and got an acknowledgement", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("node  db: crashed (incarnation 1)", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("disk  db:wal: crash left unflushed changes: write of 2048 bytes at 0 torn: kept", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("partition 1: healed after 2 s", StringComparison.Ordinal));
        Assert.All(failure.Notes, n => Assert.InRange(n.Step, -1, failure.Trace.Count - 1));
        Assert.Equal(TimeSpan.FromSeconds(1), failure.Notes.Single(n => n.Text.Contains("crashed", StringComparison.Ordinal)).Time);
    }
}
