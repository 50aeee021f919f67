using Loom.Simulation;

namespace Loom.Samples.Replication;

/// <summary>
/// The three properties the sample checks, each as a Loom model body: a simulated world, a workload, faults, and a
/// check at the end. Each takes the bug as a flag, so the same scenario runs the buggy and the fixed program.
/// </summary>
public static class Scenarios
{
    /// <summary>The replicas of <see cref="OnlyTheCurrentLeaderAcceptsWrites"/>.</summary>
    public static readonly string[] Replicas = ["r1", "r2", "r3"];

    /// <summary>
    /// Every write the store acknowledged is on its disk after a crash. A client puts 40 keys one after another while
    /// the store crashes and restarts at random (unflushed log writes lost, kept or torn), then the power fails once
    /// more and the log is read back.
    /// </summary>
    /// <param name="ackBeforeFlush">The bug of <see cref="KvServer"/>: acknowledge before the log is flushed.</param>
    public static Func<Task> AcknowledgedWritesSurviveCrashes(bool ackBeforeFlush) => async () =>
    {
        var options = new SimulationOptions
        {
            Network = new LinkFaults { Latency = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)) },
            Nodes = new NodeFaults { CrashRate = 5, RestartDelay = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)), Among = ["db"] },
            Disk = new DiskFaults
            {
                UnflushedWriteKeptProbability = 0.3,
                TornWriteProbability = 0.5,
                Latency = TimeDistribution.Uniform(TimeSpan.FromMicroseconds(100), TimeSpan.FromMilliseconds(1)),
                FlushLatency = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
            },
        };
        await using var world = new SimWorld(options);
        var db = world.AddNode("db", node => new KvServer(node, ackBeforeFlush).RunAsync());
        var acknowledged = new List<int>();
        var done = new TaskCompletionSource();
        world.AddNode("client", async node =>
        {
            using var client = new KvClient(node, "db", clientId: 1, useIdempotencyKeys: true);
            for (var i = 0; i < 40; i++)
            {
                await client.PutAsync($"k{i}", i);
                acknowledged.Add(i);
                world.Note("client", $"k{i} = {i} acknowledged");
            }
            done.SetResult();
        });
        await done.Task;
        world.StopFaults();
        if (db.IsUp)
            db.Crash();
        var values = await KvServer.RecoverValuesAsync(db.Disk);
        foreach (var i in acknowledged)
        {
            if (values.GetValueOrDefault($"k{i}", -1) != i)
            {
                throw new InvalidOperationException(
                    $"k{i} = {i} was acknowledged to the client, but after the crash db's log does not have it: an acknowledged write was lost. " +
                    "The events above show the acknowledgement, the crash, and the unflushed log write the crash lost or tore.");
            }
        }
    };

    /// <summary>
    /// Increments apply once each. A client adds 1 to a counter 30 times over a network that loses, duplicates and
    /// delays datagrams (so that the client's 50 ms timeout makes it retry), then reads the counter.
    /// </summary>
    /// <param name="useIdempotencyKeys">The fix of <see cref="KvClient"/>: one idempotency key per increment, kept on retries.</param>
    public static Func<Task> RetriedIncrementsApplyOnce(bool useIdempotencyKeys) => async () =>
    {
        var options = new SimulationOptions
        {
            Network = new LinkFaults
            {
                Latency = TimeDistribution.Exponential(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(15), TimeSpan.FromMilliseconds(80)),
                DropProbability = 0.05,
                DuplicateProbability = 0.05,
            },
        };
        await using var world = new SimWorld(options);
        world.AddNode("db", node => new KvServer(node, ackBeforeFlush: false).RunAsync());
        var counter = new TaskCompletionSource<long>();
        world.AddNode("client", async node =>
        {
            using var client = new KvClient(node, "db", clientId: 7, useIdempotencyKeys);
            for (var i = 0; i < 30; i++)
                await client.AddAsync("counter", 1);
            counter.SetResult(await client.GetAsync("counter"));
        });
        var total = await counter.Task;
        if (total != 30)
        {
            throw new InvalidOperationException(
                $"The counter is {total} after 30 increments: {total - 30} of them were applied twice, by a retry or a duplicated datagram " +
                "that the store could not tell from a new increment (no idempotency key).");
        }
    };

    /// <summary>
    /// Once a leader of some term has accepted a write, no leader of an older term accepts one. Three replicas elect
    /// leaders under random partitions and drifting clocks, while a client broadcasts a write every 50 ms for 8
    /// simulated seconds (or <paramref name="duration"/>). With the bug, an asymmetric partition that leaves the leader able to hear but not to be
    /// heard lets the others elect a new leader while the old one keeps accepting writes (so does the moment after a
    /// symmetric partition heals, before the old leader learns of the new term).
    /// </summary>
    /// <param name="ignoreOthersWhileLeader">The bug of <see cref="LeaseReplica"/>: a leader that does not step down when it cannot be heard.</param>
    /// <param name="asymmetricProbability">The share of partitions that are asymmetric.</param>
    /// <param name="history">Where the accepted writes go, for the caller to inspect.</param>
    /// <param name="duration">How much simulated time the run covers; 8 s if <see langword="null"/>.</param>
    public static Func<Task> OnlyTheCurrentLeaderAcceptsWrites(bool ignoreOthersWhileLeader, double asymmetricProbability = 0.5, Action<WriteHistory>? history = null, TimeSpan? duration = null) => async () =>
    {
        var options = new SimulationOptions
        {
            Network = new LinkFaults { Latency = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)) },
            Partitions = new PartitionFaults
            {
                Rate = 0.5,
                Duration = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3)),
                AsymmetricProbability = asymmetricProbability,
                Among = Replicas,
            },
            Clocks = new ClockFaults { MaxSkew = TimeSpan.FromMilliseconds(50), MaxDrift = 0.0005 },
        };
        await using var world = new SimWorld(options);
        var accepted = new WriteHistory();
        history?.Invoke(accepted);
        foreach (var name in Replicas)
            world.AddNode(name, node => new LeaseReplica(node, Replicas.Where(r => r != name).ToList(), accepted, ignoreOthersWhileLeader).RunAsync());
        world.AddNode("client", async node =>
        {
            using var socket = node.Network.Bind();
            for (var write = 1L; ; write++)
            {
                foreach (var replica in Replicas)
                    socket.Send(replica, LeaseReplica.Port, LeaseReplica.WriteMessage(write));
                await Task.Delay(TimeSpan.FromMilliseconds(50), node.Clock);
            }
        });
        await Task.Delay(duration ?? TimeSpan.FromSeconds(8), world.Clock);
        if (accepted.FindStaleWrite() is { } stale)
            throw new InvalidOperationException(stale);
    };
}
