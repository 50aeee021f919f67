using Loom.Threading.Tasks;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class NodeTests
{
    /// <summary>A node that counts ticks of its clock, every 100 ms.</summary>
    private static Func<SimNode, Task> Ticker(Action tick) => async node =>
    {
        while (true)
        {
            await Task.Delay(Ms(100), node.Clock);
            tick();
        }
    };

    [Fact]
    public void A_crashed_node_runs_no_more_of_its_work_or_timers()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var ticks = 0;
            var ticker = world.AddNode("ticker", Ticker(() => ticks++));
            await world.Wait(Ms(1050));
            Assert.Equal(10, ticks);

            ticker.Crash();
            await world.Wait(Seconds(5));

            Assert.Equal(10, ticks);
            Assert.Equal(SimNodeState.Crashed, ticker.State);
            Assert.Contains(world.Events, e => e.Kind == SimEventKind.Node && e.Subject == "ticker" && e.Description.StartsWith("crashed", StringComparison.Ordinal));
        });

        Passes(result);
    }

    [Fact]
    public void No_work_a_node_queued_before_its_crash_runs_after_it_on_any_schedule()
    {
        var dropped = 0;
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld();
                var ran = 0;
                var node = world.AddNode("worker", async node =>
                {
                    // Five pieces of work queued at once; the crash may come between any two.
                    var work = Enumerable.Range(0, 5).Select(_ => LoomTask.Run(() =>
                    {
                        Assert.True(node.IsUp, "work of a crashed node ran after the crash");
                        ran++;
                    }));
                    await Task.WhenAll(work);
                });
                await Task.Yield();
                if (node.IsUp)
                    node.Crash();
                await world.Wait(Seconds(1));
                if (ran < 5)
                    dropped++;
            },
            seeds: 60);

        Passes(result);
        Assert.True(dropped > 0, "some schedules crash the node before all its work ran");
    }

    [Fact]
    public void A_restart_runs_the_entry_point_again_with_fresh_memory_over_the_surviving_disk()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var seen = new List<(int Incarnation, int InMemory, string OnDisk)>();
            var node = world.AddNode("counter", async node =>
            {
                var inMemory = 0;
                var onDisk = node.Disk.Exists("boots") ? System.Text.Encoding.UTF8.GetString(await node.Disk.ReadAllBytesAsync("boots")) : "";
                inMemory++;
                seen.Add((node.Incarnation, inMemory, onDisk));
                await node.Disk.WriteAllBytesAsync("boots", System.Text.Encoding.UTF8.GetBytes(onDisk + "x"), flushToDisk: true);
                await Task.Delay(Seconds(100), node.Clock);
            });
            await world.Wait(Seconds(1));
            node.Crash();
            node.Restart();
            await world.Wait(Seconds(1));
            node.Crash();
            node.Restart();
            await world.Wait(Seconds(1));

            Assert.Equal([(1, 1, ""), (2, 1, "x"), (3, 1, "xx")], seen);
        });

        Passes(result);
    }

    [Fact]
    public void A_thread_of_the_node_blocked_at_a_scheduling_point_unwinds_when_the_node_crashes()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var woke = false;
            var node = world.AddNode("sleeper", node =>
            {
                var thread = new Loom.Threading.Thread(() =>
                {
                    Loom.Threading.Thread.Sleep(Seconds(10));
                    woke = true;
                });
                thread.Start();
                return Task.Delay(Seconds(100), node.Clock);
            });
            await world.Wait(Seconds(1));
            node.Crash();
            await world.Wait(Seconds(20));
            Assert.False(woke);
        });

        Passes(result);
    }

    [Fact]
    public void A_paused_node_runs_nothing_until_it_resumes_and_then_catches_up()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var ticks = new List<TimeSpan>();
            var ticker = world.AddNode("ticker", Ticker(() => ticks.Add(world.Clock.Elapsed)));
            await world.Wait(Ms(450));
            ticker.Pause(Seconds(1));
            Assert.Equal(SimNodeState.Paused, ticker.State);
            await world.Wait(Ms(900));
            Assert.Equal(4, ticks.Count);
            await world.Wait(Ms(200));

            Assert.Equal(SimNodeState.Running, ticker.State);
            // The tick due at 500 ms fired only when the pause ended at 1450 ms.
            Assert.Equal(Ms(1450), ticks[4]);
        });

        Passes(result);
    }

    [Fact]
    public void A_node_that_crashes_itself_stops_at_once()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var after = false;
            var node = world.AddNode("suicidal", async node =>
            {
                await Task.Delay(Ms(10), node.Clock);
                SimNode.Current!.Crash();
                after = true;
            });
            await world.Wait(Seconds(1));
            Assert.False(after);
            Assert.Equal(SimNodeState.Crashed, node.State);
        });

        Passes(result);
    }

    [Fact]
    public void An_exception_a_node_does_not_handle_fails_the_run_naming_the_node()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            world.AddNode("faulty", async node =>
            {
                await Task.Delay(Ms(10), node.Clock);
                throw new InvalidOperationException("the replica's invariant broke");
            });
            await world.Wait(Seconds(1));
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains("Node 'faulty' (incarnation 1) failed", failure.Message);
        Assert.Contains("the replica's invariant broke", failure.Message);
    }

    [Fact]
    public void An_exited_node_keeps_its_unflushed_writes_and_can_restart()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var node = world.AddNode("batch", async node =>
            {
                if (node.Incarnation == 1)
                    await node.Disk.WriteAllBytesAsync("out", new byte[] { 1, 2, 3 }, flushToDisk: false);
            });
            await world.Wait(Seconds(1));
            Assert.Equal(SimNodeState.Exited, node.State);
            node.Restart();
            await world.Wait(Seconds(1));
            Assert.Equal(3, node.Disk.GetLength("out"));
        });

        Passes(result);
    }

    [Fact]
    public void Life_cycle_mistakes_are_clear_errors()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var node = world.AddNode("a", node => Task.Delay(Seconds(100), node.Clock));
            await world.Wait(Ms(10));

            Assert.Contains("crash it first", Assert.Throws<InvalidOperationException>(node.Restart).Message);
            Assert.Contains("not paused", Assert.Throws<InvalidOperationException>(node.Resume).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Pause(TimeSpan.Zero));
            node.Crash();
            Assert.Contains("already crashed", Assert.Throws<InvalidOperationException>(node.Crash).Message);
            Assert.Contains("only a running node pauses", Assert.Throws<InvalidOperationException>(() => node.Pause(Seconds(1))).Message);
            Assert.Contains("is crashed", Assert.Throws<InvalidOperationException>(() => node.Network.Bind(1)).Message);
            Assert.Contains("already has a node named 'a'", Assert.Throws<ArgumentException>(() => world.AddNode("a", _ => Task.CompletedTask)).Message);
            Assert.Throws<ArgumentException>(() => world.AddNode("has space", _ => Task.CompletedTask));
            Assert.Contains("the world's nodes are 'a'", Assert.Throws<ArgumentException>(() => world.Node("b")).Message);
        });

        Passes(result);
    }

    [Fact]
    public void A_world_disposed_before_its_nodes_ran_fails_the_run_instead_of_passing_untested()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            world.AddNode("never", async node => await Task.Delay(Seconds(1), node.Clock));
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.NothingControlled, failure.Kind);
        Assert.Contains("before node 'never' ever ran", failure.Message);
    }

    [Fact]
    public void A_world_exists_only_inside_a_Loom_execution_and_once_per_execution()
    {
        var outside = Assert.Throws<InvalidOperationException>(() => new SimWorld());
        Assert.Contains("inside one Loom execution", outside.Message);

        var result = Once(async () =>
        {
            var world = new SimWorld();
            Assert.Contains("already has a SimWorld", Assert.Throws<InvalidOperationException>(() => new SimWorld()).Message);
            await world.Wait(Ms(1));
            await world.DisposeAsync();
            Assert.Throws<ObjectDisposedException>(() => world.AddNode("late", _ => Task.CompletedTask));
        });

        Passes(result);
    }
}
