using System.IO;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

/// <summary>The fault kinds not measured elsewhere happen at their configured rates, over fixed seeds.</summary>
public class FaultRateTests
{
    [Fact]
    public void Crashes_pauses_and_clock_jumps_come_at_their_rates()
    {
        int crashes = 0, restarts = 0, pauses = 0, jumps = 0;
        var simulated = TimeSpan.Zero;
        var result = Seeds(
            async () =>
            {
                var options = new SimulationOptions
                {
                    Nodes = new NodeFaults
                    {
                        CrashRate = 0.5,
                        RestartDelay = TimeDistribution.Constant(Ms(100)),
                        MaxCrashedAtOnce = 3,
                        PauseRate = 0.5,
                        PauseDuration = TimeDistribution.Constant(Ms(100)),
                    },
                    Clocks = new ClockFaults { JumpRate = 0.5 },
                };
                await using var world = new SimWorld(options);
                foreach (var name in new[] { "a", "b", "c" })
                {
                    world.AddNode(name, async node =>
                    {
                        while (true)
                            await Task.Delay(Seconds(1), node.Clock);
                    });
                }
                await world.Wait(Seconds(100));
                var nodes = world.Events.Where(e => e.Kind == SimEventKind.Node).Select(e => e.Description).ToList();
                crashes += nodes.Count(d => d.StartsWith("crashed", StringComparison.Ordinal));
                restarts += nodes.Count(d => d.StartsWith("restarted", StringComparison.Ordinal));
                pauses += nodes.Count(d => d.StartsWith("paused", StringComparison.Ordinal));
                jumps += world.Events.Count(e => e.Kind == SimEventKind.Clock);
                simulated += world.Clock.Elapsed;
            },
            seeds: 5);

        Passes(result);
        var seconds = simulated.TotalSeconds;
        Assert.InRange(crashes / seconds, 0.42, 0.58);
        Assert.InRange(crashes - restarts, 0, 5);
        // A pause drawn while every node is down or paused is skipped, which is rare at these rates.
        Assert.InRange(pauses / seconds, 0.40, 0.58);
        Assert.InRange(jumps / seconds, 0.42, 0.58);
    }

    [Fact]
    public void Stream_writes_reset_their_connection_at_the_configured_rate()
    {
        var writesBeforeReset = new List<int>();
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Network = new LinkFaults { ResetProbability = 0.1 } });
                world.AddNode("server", async node =>
                {
                    using var listener = node.Network.Listen(80);
                    while (true)
                        _ = await listener.AcceptAsync();
                });
                world.AddNode("client", async node =>
                {
                    for (var connection = 0; connection < 20; connection++)
                    {
                        using var stream = await node.Network.ConnectAsync("server", 80);
                        var written = 0;
                        try
                        {
                            while (written < 1000)
                            {
                                stream.Write([1]);
                                written++;
                            }
                        }
                        catch (IOException)
                        {
                            writesBeforeReset.Add(written);
                        }
                    }
                });
                await world.Wait(Seconds(5));
            },
            seeds: 10);

        Passes(result);
        Assert.Equal(200, writesBeforeReset.Count);
        // Writes before the first reset follow a geometric law: mean (1 - p) / p = 9.
        Assert.InRange(writesBeforeReset.Average(), 7.5, 10.5);
    }

    [Fact]
    public void Writes_fail_with_a_full_disk_at_the_configured_rate()
    {
        int writes = 0, full = 0;
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Disk = new DiskFaults { DiskFullProbability = 0.05 } });
                world.AddNode("n", async node =>
                {
                    using var file = node.Disk.Open("f", FileMode.Create);
                    for (var i = 0; i < 200; i++)
                    {
                        writes++;
                        try
                        {
                            await file.WriteAsync(new byte[10]);
                        }
                        catch (IOException ex) when (ex.HResult == unchecked((int)0x80070070))
                        {
                            full++;
                        }
                    }
                });
                await world.Wait(Seconds(1));
            },
            seeds: 10);

        Passes(result);
        Assert.Equal(2000, writes);
        Assert.InRange(full / 2000.0, 0.035, 0.065);
    }
}
