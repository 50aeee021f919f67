using System.Diagnostics;
using System.Globalization;
using Loom;
using Loom.Samples.Replication;
using Loom.Simulation;

// Deterministic simulation throughput on 3-node workloads: seeds per second, scheduling points (steps) per second, and
// simulated seconds per wall second. Each workload runs a warm-up, then its seeds with the random strategy; wall time and
// the process's CPU time are both reported, since this machine is shared and its load varies.
//   dotnet run -c Release --project bench/Loom.Bench.Simulation [-- --quick]
var quick = args.Contains("--quick");
var workloads = new (string Name, string Description, Func<Task> Body, TimeSpan Simulated, int Seeds)[]
{
    (
        "leases, 2.5 s",
        "3 replicas electing leaders with leases (25 ms timer ticks, 50 ms heartbeats) and a client broadcasting a write every 50 ms; random symmetric and asymmetric partitions; drifting clocks",
        Scenarios.OnlyTheCurrentLeaderAcceptsWrites(ignoreOthersWhileLeader: false, duration: TimeSpan.FromSeconds(2.5)),
        TimeSpan.FromSeconds(2.5),
        quick ? 50 : 500),
    (
        "heartbeats, 10 min",
        "3 nodes that heartbeat each other every second, log each heartbeat to disk and flush every fifth; partitions, crashes with restarts, torn writes, clock jumps",
        SparseCluster(TimeSpan.FromMinutes(10)),
        TimeSpan.FromMinutes(10),
        quick ? 10 : 100),
};

Console.WriteLine($"Loom simulation benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} logical cores, load average {LoadAverage()} at start");
Console.WriteLine();
Console.WriteLine("| workload | seeds | steps per seed | wall | CPU | seeds/s (wall) | steps/s (wall) | simulated s per wall s | seeds/s (CPU) | simulated s per CPU s |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, _, body, simulated, seeds) in workloads)
{
    LoomModel.Explore(body, new LoomOptions { Strategy = LoomStrategy.Random, Seed = 1_000_000, Iterations = Math.Max(5, seeds / 10) });
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var result = LoomModel.Explore(body, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = seeds });
    wall.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    if (!result.Passed)
        throw new InvalidOperationException($"The workload '{name}' failed: {result.Failure!.Report}");
    var steps = (double)result.ControlledOperations;
    var simulatedTotal = simulated.TotalSeconds * seeds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {seeds} | {steps / seeds:N0} | {wall.Elapsed.TotalSeconds:0.00} s | {cpu.TotalSeconds:0.00} s | {seeds / wall.Elapsed.TotalSeconds:N0} | {steps / wall.Elapsed.TotalSeconds:N0} | {simulatedTotal / wall.Elapsed.TotalSeconds:N0} | {seeds / cpu.TotalSeconds:N0} | {simulatedTotal / cpu.TotalSeconds:N0} |"));
}
Console.WriteLine();
foreach (var (name, description, _, _, _) in workloads)
    Console.WriteLine($"- {name}: {description}.");
Console.WriteLine();
Console.WriteLine($"Load average at the end: {LoadAverage()}.");

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

// Three nodes with realistic, sparse timers: a heartbeat a second to each peer, a disk log of them, flushed every fifth.
static Func<Task> SparseCluster(TimeSpan duration) => async () =>
{
    var options = new SimulationOptions
    {
        Network = new LinkFaults { Latency = TimeDistribution.Exponential(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(200)), DropProbability = 0.01 },
        Partitions = new PartitionFaults { Rate = 0.01, Duration = TimeDistribution.Uniform(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)) },
        Nodes = new NodeFaults { CrashRate = 0.005, RestartDelay = TimeDistribution.Uniform(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)) },
        Clocks = new ClockFaults { MaxSkew = TimeSpan.FromSeconds(1), MaxDrift = 0.0001, JumpRate = 0.002 },
        Disk = new DiskFaults { UnflushedWriteKeptProbability = 0.5, TornWriteProbability = 0.5 },
    };
    await using var world = new SimWorld(options);
    string[] names = ["a", "b", "c"];
    foreach (var name in names)
    {
        world.AddNode(name, async node =>
        {
            using var socket = node.Network.Bind(7);
            using var log = node.Disk.Open("heartbeats", FileMode.Append, FileAccess.Write);
            var heard = new Dictionary<string, long>();
            _ = Listen();
            for (var beat = 0L; ; beat++)
            {
                foreach (var peer in names.Where(n => n != name))
                    socket.Send(peer, 7, BitConverter.GetBytes(beat));
                await log.WriteAsync(BitConverter.GetBytes(beat));
                if (beat % 5 == 0)
                    await log.FlushToDiskAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), node.Clock);
            }

            async Task Listen()
            {
                while (true)
                {
                    var datagram = await socket.ReceiveAsync();
                    heard[datagram.From] = BitConverter.ToInt64(datagram.Data);
                }
            }
        });
    }
    await Task.Delay(duration, world.Clock);
};
