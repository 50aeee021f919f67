using System.Net.Sockets;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class DatagramTests
{
    /// <summary>A node that echoes every datagram on port 7 back to its sender.</summary>
    private static async Task Echo(SimNode node)
    {
        using var socket = node.Network.Bind(7);
        while (true)
        {
            var datagram = await socket.ReceiveAsync();
            socket.Send(datagram.From, datagram.FromPort, datagram.Data);
        }
    }

    /// <summary>Sends <paramref name="count"/> numbered datagrams from a to b and returns what b received, in order.</summary>
    private static async Task<(List<int> Received, SimWorld World)> Blast(SimWorld world, int count, TimeSpan spacing)
    {
        var received = new List<int>();
        world.AddNode("b", async node =>
        {
            using var socket = node.Network.Bind(9);
            while (true)
                received.Add(BitConverter.ToInt32((await socket.ReceiveAsync()).Data));
        });
        world.AddNode("a", async node =>
        {
            using var socket = node.Network.Bind();
            for (var i = 0; i < count; i++)
            {
                socket.Send("b", 9, BitConverter.GetBytes(i));
                if (spacing > TimeSpan.Zero)
                    await Task.Delay(spacing, node.Clock);
            }
        });
        await world.Wait(Seconds(count * spacing.TotalSeconds + 10));
        return (received, world);
    }

    [Fact]
    public void A_round_trip_takes_the_latency_of_both_links()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { Network = new LinkFaults { Latency = TimeDistribution.Constant(Ms(7)) } });
            world.AddNode("server", Echo);
            var rtt = TimeSpan.Zero;
            var reply = "";
            world.AddNode("client", async node =>
            {
                using var socket = node.Network.Bind();
                var start = node.Clock.GetTimestamp();
                await socket.SendAsync("server", 7, "ping"u8.ToArray());
                reply = System.Text.Encoding.UTF8.GetString((await socket.ReceiveAsync()).Data);
                rtt = node.Clock.GetElapsedTime(start);
            });
            await world.Wait(Seconds(1));

            Assert.Equal("ping", reply);
            Assert.Equal(Ms(14), rtt);
        });

        Passes(result);
    }

    [Fact]
    public void Datagrams_are_lost_at_the_configured_rate_and_each_loss_is_recorded()
    {
        int sent = 0, received = 0, recorded = 0;
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Network = new LinkFaults { DropProbability = 0.2 } });
                var (got, _) = await Blast(world, 100, Ms(1));
                sent += 100;
                received += got.Count;
                recorded += world.Events.Count(e => e.Kind == SimEventKind.Network && e.Description.EndsWith("lost", StringComparison.Ordinal));
            },
            seeds: 20);

        Passes(result);
        Assert.InRange((sent - received) / (double)sent, 0.17, 0.23);
        Assert.Equal(sent - received, recorded);
    }

    [Fact]
    public void Datagrams_are_duplicated_at_the_configured_rate()
    {
        int sent = 0, received = 0;
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Network = new LinkFaults { DuplicateProbability = 0.1 } });
                var (got, _) = await Blast(world, 100, Ms(1));
                sent += 100;
                received += got.Count;
                Assert.Equal(got.Count - 100, got.GroupBy(i => i).Count(g => g.Count() == 2));
            },
            seeds: 20);

        Passes(result);
        Assert.InRange((received - sent) / (double)sent, 0.08, 0.12);
    }

    [Fact]
    public void Latency_drawn_per_datagram_reorders_them()
    {
        var reordered = 0;
        var result = Seeds(
            async () =>
            {
                var options = new SimulationOptions { Network = new LinkFaults { Latency = TimeDistribution.Uniform(Ms(1), Ms(20)) } };
                await using var world = new SimWorld(options);
                var (got, _) = await Blast(world, 50, Ms(2));
                Assert.Equal(Enumerable.Range(0, 50), got.Order());
                if (!got.SequenceEqual(Enumerable.Range(0, 50)))
                    reordered++;
            },
            seeds: 10);

        Passes(result);
        Assert.Equal(10, reordered);
    }

    [Fact]
    public void A_link_configured_alone_misbehaves_alone()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var received = new Dictionary<string, int> { ["a"] = 0, ["c"] = 0 };
            world.AddNode("b", async node =>
            {
                using var socket = node.Network.Bind(9);
                while (true)
                    received[(await socket.ReceiveAsync()).From]++;
            });
            foreach (var sender in new[] { "a", "c" })
            {
                world.AddNode(sender, async node =>
                {
                    using var socket = node.Network.Bind();
                    for (var i = 0; i < 50; i++)
                    {
                        socket.Send("b", 9, [1]);
                        await Task.Delay(Ms(1), node.Clock);
                    }
                });
            }
            world.Network.ConfigureLink("a", "b", new LinkFaults { DropProbability = 1 });
            await world.Wait(Seconds(1));

            Assert.Equal(0, received["a"]);
            Assert.Equal(50, received["c"]);
            Assert.Equal(1, world.Network.GetLink("a", "b").DropProbability);
            Assert.Equal(0, world.Network.GetLink("b", "a").DropProbability);
        });

        Passes(result);
    }

    [Fact]
    public void A_crashed_node_receives_nothing_and_its_restarted_self_gets_what_comes_after()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var got = new List<(int Incarnation, byte Value)>();
            var receiver = world.AddNode("r", async node =>
            {
                using var socket = node.Network.Bind(9);
                while (true)
                    got.Add((node.Incarnation, (await socket.ReceiveAsync()).Data[0]));
            });
            world.AddNode("s", async node =>
            {
                using var socket = node.Network.Bind();
                for (byte i = 0; i < 30; i++)
                {
                    socket.Send("r", 9, [i]);
                    await Task.Delay(Ms(10), node.Clock);
                }
            });
            await world.Wait(Ms(95));
            receiver.Crash();
            await world.Wait(Ms(100));
            receiver.Restart();
            await world.Wait(Seconds(1));

            Assert.Equal(Enumerable.Range(0, 10).Select(i => (1, (byte)i)), got.Take(10));
            Assert.All(got.Skip(10), g => Assert.Equal(2, g.Incarnation));
            Assert.True(got[10].Value >= 20);
        });

        Passes(result);
    }

    [Fact]
    public void Bad_socket_use_gets_the_errors_real_code_gets()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var node = world.AddNode("a", n => Task.Delay(Seconds(100), n.Clock));
            await world.Wait(Ms(1));
            var socket = node.Network.Bind(5);

            Assert.Equal(SocketError.AddressAlreadyInUse, Assert.Throws<SocketException>(() => node.Network.Bind(5)).SocketErrorCode);
            Assert.Contains("No node named 'zz'", Assert.Throws<ArgumentException>(() => socket.Send("zz", 9, [1])).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => socket.Send("a", 0, [1]));
            Assert.Equal(SocketError.MessageSize, Assert.Throws<SocketException>(() => socket.Send("a", 9, new byte[SimSocket.MaxDatagramSize + 1])).SocketErrorCode);
            var waiting = socket.ReceiveAsync();
            socket.Dispose();
            Assert.Equal(SocketError.OperationAborted, (await Assert.ThrowsAsync<SocketException>(() => waiting)).SocketErrorCode);
            Assert.Throws<ObjectDisposedException>(() => socket.Send("a", 9, [1]));
            Assert.Throws<ObjectDisposedException>(() => { _ = socket.ReceiveAsync(CancellationToken.None); });
            using var again = node.Network.Bind(5);
        });

        Passes(result);
    }
}
