using System.IO;
using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class DiskTests
{
    /// <summary>Runs <paramref name="test"/> against the disk of one idle node.</summary>
    private static ExplorationResult OnDisk(Func<SimWorld, SimNode, Task> test, DiskFaults? faults = null, int seeds = 1) =>
        Seeds(
            async () =>
            {
                await using var world = new SimWorld(new SimulationOptions { Disk = faults ?? DiskFaults.None });
                var node = world.AddNode("n", n => Task.Delay(Seconds(1000), n.Clock));
                await world.Wait(Ms(1));
                await test(world, node);
            },
            seeds);

    private static byte[] Bytes(int count, byte value) => Enumerable.Repeat(value, count).ToArray();

    [Fact]
    public void Flushed_writes_survive_a_crash_and_unflushed_ones_are_lost()
    {
        var result = OnDisk(async (world, node) =>
        {
            using (var file = node.Disk.Open("data", FileMode.CreateNew))
            {
                await file.WriteAsync(Bytes(100, 1));
                await file.FlushToDiskAsync();
                await file.WriteAsync(Bytes(50, 2));
                file.Flush();
                Assert.Equal(150, file.Length);
            }
            node.Crash();

            Assert.Equal(Bytes(100, 1), await node.Disk.ReadAllBytesAsync("data"));
            Assert.Contains(world.Events, e => e.Kind == SimEventKind.Disk && e.Subject == "n:data" && e.Description.Contains("write of 50 bytes at 100 lost", StringComparison.Ordinal));
        });

        Passes(result);
    }

    [Fact]
    public void A_torn_write_keeps_some_of_its_sectors_and_loses_the_others()
    {
        var torn = 0;
        var result = OnDisk(
            async (world, node) =>
            {
                using (var file = node.Disk.Open("data", FileMode.Create))
                {
                    file.Write(Bytes(4 * 512, 7));
                }
                node.Crash();
                var after = await node.Disk.ReadAllBytesAsync("data");

                var sectors = Enumerable.Range(0, 4).Select(i => i * 512 < after.Length && after[i * 512] == 7).ToList();
                Assert.Contains(true, sectors);
                Assert.Contains(false, sectors);
                // Sector granularity: each sector is all old or all new.
                for (var i = 0; i < after.Length; i++)
                    Assert.Equal(sectors[i / 512] ? 7 : 0, after[i]);
                torn++;
            },
            new DiskFaults { TornWriteProbability = 1 },
            seeds: 20);

        Passes(result);
        Assert.Equal(20, torn);
    }

    [Fact]
    public void Unflushed_writes_are_kept_torn_or_lost_at_their_configured_rates()
    {
        int kept = 0, tornCount = 0, lost = 0;
        var result = OnDisk(
            async (world, node) =>
            {
                using (var file = node.Disk.Open("data", FileMode.Create))
                {
                    for (var i = 0; i < 100; i++)
                        await file.WriteAsync(Bytes(1024, 1));
                }
                node.Crash();
                var fates = world.Events.Single(e => e.Kind == SimEventKind.Disk).Description.Split("; ");
                kept += fates.Count(f => f.EndsWith(" kept", StringComparison.Ordinal));
                tornCount += fates.Count(f => f.Contains(" torn:", StringComparison.Ordinal));
                lost += fates.Count(f => f.EndsWith(" lost", StringComparison.Ordinal));
            },
            new DiskFaults { UnflushedWriteKeptProbability = 0.3, TornWriteProbability = 0.5 },
            seeds: 20);

        Passes(result);
        Assert.Equal(2000, kept + tornCount + lost);
        Assert.InRange(kept / 2000.0, 0.26, 0.34);
        Assert.InRange(tornCount / 2000.0, 0.31, 0.39);
    }

    [Fact]
    public void Reads_are_corrupted_at_their_rate_while_the_stored_data_stays_intact()
    {
        int reads = 0, corrupted = 0;
        var result = OnDisk(
            async (world, node) =>
            {
                await node.Disk.WriteAllBytesAsync("data", Bytes(64, 0), flushToDisk: true);
                using var file = node.Disk.Open("data", FileMode.Open, FileAccess.Read);
                var here = 0;
                for (var i = 0; i < 100; i++)
                {
                    var buffer = new byte[64];
                    file.Position = 0;
                    await file.ReadExactlyAsync(buffer);
                    reads++;
                    // At most one bit differs from what was stored, read after read: the corruption never reaches the disk.
                    var flipped = buffer.Sum(b => System.Numerics.BitOperations.PopCount(b));
                    Assert.InRange(flipped, 0, 1);
                    here += flipped;
                }
                corrupted += here;
                Assert.Equal(here, world.Events.Count(e => e.Description.Contains("returned corrupted data", StringComparison.Ordinal)));
            },
            new DiskFaults { CorruptReadProbability = 0.1 },
            seeds: 10);

        Passes(result);
        Assert.InRange(corrupted / (double)reads, 0.07, 0.13);
    }

    [Fact]
    public void IO_errors_and_a_full_disk_fail_like_System_IO()
    {
        int errors = 0, attempts = 0;
        var result = OnDisk(
            async (world, node) =>
            {
                using var file = node.Disk.Open("data", FileMode.Create);
                for (var i = 0; i < 100; i++)
                {
                    attempts++;
                    try
                    {
                        await file.WriteAsync(Bytes(10, 1));
                    }
                    catch (IOException ex)
                    {
                        Assert.Contains("Input/output error", ex.Message);
                        errors++;
                    }
                }
            },
            new DiskFaults { IoErrorProbability = 0.05 },
            seeds: 10);
        Passes(result);
        Assert.InRange(errors / (double)attempts, 0.03, 0.07);

        var full = OnDisk(
            async (world, node) =>
            {
                using var file = node.Disk.Open("data", FileMode.Create);
                await file.WriteAsync(Bytes(1000, 1));
                var ex = await Assert.ThrowsAsync<IOException>(async () => await file.WriteAsync(Bytes(25, 1)));
                Assert.Equal(unchecked((int)0x80070070), ex.HResult);
                Assert.Equal(1000, file.Length);
                Assert.Contains(world.Events, e => e.Description.StartsWith("disk full", StringComparison.Ordinal));
            },
            new DiskFaults { Capacity = 1024 });
        Passes(full);
    }

    [Fact]
    public void Disk_operations_take_their_latency_in_virtual_time()
    {
        var result = OnDisk(
            async (world, node) =>
            {
                var start = world.Clock.Elapsed;
                using var file = node.Disk.Open("data", FileMode.Create);
                await file.WriteAsync(Bytes(10, 1));
                await file.FlushToDiskAsync();
                Assert.Equal(Ms(2 + 8), world.Clock.Elapsed - start);
            },
            new DiskFaults { Latency = TimeDistribution.Constant(Ms(2)), FlushLatency = TimeDistribution.Constant(Ms(8)) });

        Passes(result);
    }

    [Fact]
    public void A_crash_during_a_flush_leaves_the_data_unflushed()
    {
        var result = OnDisk(
            async (world, _) =>
            {
                var flushed = false;
                var writer = world.AddNode("writer", async w =>
                {
                    using var file = w.Disk.Open("data", FileMode.Create);
                    await file.WriteAsync(Bytes(10, 1));
                    await file.FlushToDiskAsync();
                    flushed = true;
                });
                await world.Wait(Ms(15));
                writer.Crash();

                Assert.False(flushed);
                Assert.Equal(0, writer.Disk.GetLength("data"));
            },
            new DiskFaults { FlushLatency = TimeDistribution.Constant(Ms(20)) });

        Passes(result);
    }

    [Fact]
    public void The_file_API_behaves_like_System_IO()
    {
        var result = OnDisk(async (world, node) =>
        {
            var disk = node.Disk;
            Assert.Throws<FileNotFoundException>(() => disk.Open("missing", FileMode.Open));
            Assert.Throws<FileNotFoundException>(() => disk.GetLength("missing"));
            Assert.Throws<FileNotFoundException>(() => disk.Move("missing", "x"));
            await Assert.ThrowsAsync<FileNotFoundException>(() => disk.ReadAllBytesAsync("missing"));
            Assert.Throws<ArgumentException>(() => disk.Open("", FileMode.Create));
            Assert.Throws<ArgumentException>(() => disk.Open("x", FileMode.Create, FileAccess.Read));
            disk.Delete("missing");

            await disk.WriteAllBytesAsync("a", new byte[] { 1, 2, 3 }, flushToDisk: true);
            Assert.Throws<IOException>(() => disk.Open("a", FileMode.CreateNew));
            using (var append = disk.Open("a", FileMode.Append, FileAccess.Write))
            {
                append.Position = 0;
                append.Write([4]);
                Assert.Throws<NotSupportedException>(() => append.ReadByte());
            }
            Assert.Equal([1, 2, 3, 4], await disk.ReadAllBytesAsync("a"));

            using (var file = disk.Open("a", FileMode.Open))
            {
                file.Seek(-1, SeekOrigin.End);
                Assert.Equal(4, file.ReadByte());
                Assert.Equal(-1, file.ReadByte());
                file.SetLength(2);
                Assert.Equal(2, file.Length);
                file.Dispose();
                Assert.Throws<ObjectDisposedException>(() => file.Write([1]));
            }

            await disk.WriteAllBytesAsync("b", new byte[] { 9 }, flushToDisk: true);
            Assert.Throws<IOException>(() => disk.Move("a", "b"));
            disk.Move("a", "b", overwrite: true);
            Assert.Equal(["b"], disk.GetFiles());
            Assert.Equal([1, 2], await disk.ReadAllBytesAsync("b"));
            Assert.Equal(2, disk.UsedBytes);
            disk.Delete("b");
            Assert.False(disk.Exists("b"));
        });

        Passes(result);
    }

    [Fact]
    public void Handles_close_when_their_node_crashes_and_other_nodes_cannot_use_the_disk()
    {
        var result = OnDisk(async (world, node) =>
        {
            SimFile? handle = null;
            var other = world.AddNode("other", async o =>
            {
                await Task.Delay(Ms(5), o.Clock);
                Assert.Contains("used the disk of node 'n'", Assert.Throws<InvalidOperationException>(() => node.Disk.Open("x", FileMode.Create)).Message);
            });
            var owner = world.AddNode("owner", o =>
            {
                handle = o.Disk.Open("f", FileMode.Create);
                return Task.Delay(Seconds(100), o.Clock);
            });
            await world.Wait(Ms(10));
            owner.Crash();
            Assert.Contains("crashed or exited", Assert.Throws<ObjectDisposedException>(() => handle!.Write([1])).Message);
            // The model may still inspect a crashed node's disk.
            Assert.True(owner.Disk.Exists("f"));
        });

        Passes(result);
    }
}
