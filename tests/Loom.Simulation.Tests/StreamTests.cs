using System.IO;
using System.Net.Sockets;
using System.Text;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class StreamTests
{
    /// <summary>A server on port 80 that echoes each connection's bytes until the client closes, then closes.</summary>
    private static async Task EchoServer(SimNode node)
    {
        using var listener = node.Network.Listen(80);
        while (true)
        {
            var stream = await listener.AcceptAsync();
            _ = Serve(stream);
        }

        static async Task Serve(SimStream stream)
        {
            try
            {
                var buffer = new byte[64];
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0)
                    await stream.WriteAsync(buffer.AsMemory(0, n));
            }
            catch (IOException)
            {
            }
            finally
            {
                stream.Dispose();
            }
        }
    }

    private static async Task<byte[]> ReadToEnd(Stream stream)
    {
        var all = new MemoryStream();
        await stream.CopyToAsync(all);
        return all.ToArray();
    }

    [Fact]
    public void Bytes_arrive_in_order_whatever_the_latency_of_each_segment()
    {
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Network = new LinkFaults { Latency = TimeDistribution.Exponential(Ms(1), Ms(5), Ms(100)) } });
                world.AddNode("server", EchoServer);
                byte[] echoed = [];
                var sent = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
                world.AddNode("client", async node =>
                {
                    using var stream = await node.Network.ConnectAsync("server", 80);
                    var buffer = new byte[sent.Length];
                    var reading = stream.ReadExactlyAsync(buffer).AsTask();
                    for (var i = 0; i < sent.Length; i += 37)
                    {
                        await stream.WriteAsync(sent.AsMemory(i, Math.Min(37, sent.Length - i)));
                        await Task.Delay(Ms(1), node.Clock);
                    }
                    await reading;
                    echoed = buffer;
                });
                await world.Wait(Seconds(5));
                Assert.Equal(sent, echoed);
            },
            seeds: 10);

        Passes(result);
    }

    [Fact]
    public void Closing_one_end_lets_the_other_read_the_rest_then_zero()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            string text = "";
            world.AddNode("server", async node =>
            {
                using var listener = node.Network.Listen(80);
                using var stream = await listener.AcceptAsync();
                text = Encoding.UTF8.GetString(await ReadToEnd(stream));
                Assert.Equal(0, await stream.ReadAsync(new byte[1]));
            });
            world.AddNode("client", async node =>
            {
                var stream = await node.Network.ConnectAsync("server", 80);
                await stream.WriteAsync("hello, "u8.ToArray());
                await stream.WriteAsync("world"u8.ToArray());
                stream.Dispose();
                Assert.Throws<ObjectDisposedException>(() => stream.Write([1]));
                await Assert.ThrowsAsync<ObjectDisposedException>(async () => await stream.ReadAsync(new byte[1]));
            });
            await world.Wait(Seconds(1));
            Assert.Equal("hello, world", text);
        });

        Passes(result);
    }

    [Fact]
    public void Connecting_where_nobody_listens_is_refused_and_across_a_partition_times_out()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { ConnectionTimeout = Seconds(3) });
            world.AddNode("server", EchoServer);
            SocketError refused = default, timedOut = default;
            TimeSpan gaveUpAfter = default;
            world.AddNode("client", async node =>
            {
                refused = (await Assert.ThrowsAsync<SocketException>(() => node.Network.ConnectAsync("server", 81))).SocketErrorCode;
                world.Network.Partition(["client"], ["server"]);
                var start = world.Clock.Elapsed;
                timedOut = (await Assert.ThrowsAsync<SocketException>(() => node.Network.ConnectAsync("server", 80))).SocketErrorCode;
                gaveUpAfter = world.Clock.Elapsed - start;
            });
            await world.Wait(Seconds(10));

            Assert.Equal(SocketError.ConnectionRefused, refused);
            Assert.Equal(SocketError.TimedOut, timedOut);
            Assert.Equal(Seconds(3), gaveUpAfter);
        });

        Passes(result);
    }

    [Fact]
    public void An_injected_reset_fails_both_ends_with_the_exception_NetworkStream_throws()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            IOException? serverSaw = null, clientSaw = null;
            world.AddNode("server", async node =>
            {
                using var listener = node.Network.Listen(80);
                using var stream = await listener.AcceptAsync();
                serverSaw = await Assert.ThrowsAsync<IOException>(async () => await stream.ReadAsync(new byte[10]));
            });
            world.AddNode("client", async node =>
            {
                using var stream = await node.Network.ConnectAsync("server", 80);
                world.Network.ConfigureLink("client", "server", new LinkFaults { ResetProbability = 1 });
                clientSaw = Assert.Throws<IOException>(() => stream.Write([1, 2, 3]));
            });
            await world.Wait(Seconds(1));

            Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(serverSaw?.InnerException).SocketErrorCode);
            Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(clientSaw?.InnerException).SocketErrorCode);
            Assert.Contains(world.Events, e => e.Kind == SimEventKind.Network && e.Description.Contains("connection reset: injected", StringComparison.Ordinal));
        });

        Passes(result);
    }

    [Fact]
    public void The_peer_of_a_crashed_node_finds_out_by_a_reset_after_the_connection_timeout()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { ConnectionTimeout = Seconds(2) });
            var server = world.AddNode("server", EchoServer);
            TimeSpan resetAt = default;
            world.AddNode("client", async node =>
            {
                using var stream = await node.Network.ConnectAsync("server", 80);
                await Assert.ThrowsAsync<IOException>(async () => await stream.ReadAsync(new byte[10]));
                resetAt = world.Clock.Elapsed;
            });
            await world.Wait(Seconds(1));
            server.Crash();
            await world.Wait(Seconds(5));

            Assert.Equal(Seconds(3), resetAt);
            Assert.Contains(world.Events, e => e.Description.Contains("server crashed and stopped answering", StringComparison.Ordinal));
        });

        Passes(result);
    }

    [Fact]
    public void A_partition_holds_stream_data_until_it_heals_or_resets_the_connection_if_it_lasts()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(new SimulationOptions { ConnectionTimeout = Seconds(3) });
            world.AddNode("server", EchoServer);
            var replies = new List<TimeSpan>();
            IOException? reset = null;
            world.AddNode("client", async node =>
            {
                using var stream = await node.Network.ConnectAsync("server", 80);
                var buffer = new byte[1];
                world.Network.Partition(["client"], ["server"], Seconds(1));
                await stream.WriteAsync(new byte[] { 1 });
                await stream.ReadExactlyAsync(buffer);
                replies.Add(world.Clock.Elapsed);
                world.Network.Partition(["client"], ["server"], Seconds(10));
                await stream.WriteAsync(new byte[] { 2 });
                reset = await Assert.ThrowsAsync<IOException>(async () => await stream.ReadAsync(buffer));
                replies.Add(world.Clock.Elapsed);
            });
            await world.Wait(Seconds(20));

            Assert.NotNull(reset);
            // Held until the first partition healed at ~1 s, then one latency each way.
            Assert.InRange(replies[0], Seconds(1), Seconds(1.01));
            Assert.InRange(replies[1] - replies[0], Seconds(3), Seconds(3.01));
            Assert.Contains(world.Events, e => e.Description.Contains("undeliverable for 3 s (partition)", StringComparison.Ordinal));
        });

        Passes(result);
    }

    [Fact]
    public void A_clog_delays_stream_data_until_it_clears()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            world.AddNode("server", EchoServer);
            TimeSpan echoedAt = default;
            world.AddNode("client", async node =>
            {
                using var stream = await node.Network.ConnectAsync("server", 80);
                world.Network.Clog("client", "server", Seconds(2));
                Assert.True(world.Network.IsClogged("client", "server"));
                await stream.WriteAsync(new byte[] { 1 });
                await stream.ReadExactlyAsync(new byte[1]);
                echoedAt = world.Clock.Elapsed;
            });
            await world.Wait(Seconds(5));

            Assert.Equal(Seconds(2) + Ms(3), echoedAt);
        });

        Passes(result);
    }

    [Fact]
    public void A_synchronous_read_waits_for_data_at_a_scheduling_point()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            world.AddNode("server", EchoServer);
            var got = 0;
            world.AddNode("client", async node =>
            {
                var stream = await node.Network.ConnectAsync("server", 80);
                stream.Write([42]);
                var buffer = new byte[1];
                got = stream.Read(buffer) == 1 ? buffer[0] : -1;
                stream.Dispose();
            });
            await world.Wait(Seconds(1));
            Assert.Equal(42, got);
        });

        Passes(result);
    }

    [Fact]
    public void Listener_and_connection_mistakes_are_clear_errors()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld();
            var node = world.AddNode("a", n => Task.Delay(Seconds(100), n.Clock));
            await world.Wait(Ms(1));
            var listener = node.Network.Listen(80);

            Assert.Equal(SocketError.AddressAlreadyInUse, Assert.Throws<SocketException>(() => node.Network.Listen(80)).SocketErrorCode);
            Assert.Throws<ArgumentOutOfRangeException>(() => node.Network.Listen(70000));
            Assert.Contains("No node named 'nowhere'", Assert.Throws<ArgumentException>(() => { _ = node.Network.ConnectAsync("nowhere", 80); }).Message);
            var accepting = listener.AcceptAsync(CancellationToken.None);
            listener.Dispose();
            Assert.Equal(SocketError.OperationAborted, (await Assert.ThrowsAsync<SocketException>(() => accepting)).SocketErrorCode);
            Assert.Throws<ObjectDisposedException>(() => { _ = listener.AcceptAsync(CancellationToken.None); });
        });

        Passes(result);
    }
}
