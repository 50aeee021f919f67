using System;

namespace Loom.Simulation;

/// <summary>
/// The faults a <see cref="SimWorld"/> injects and how its network behaves. Every option is checked by
/// <see cref="Validate"/> when the world is created, and an invalid value is reported with its name and the accepted
/// range. Every fault decision is drawn from the execution's seed, so one seed reproduces the whole run.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>A world without faults: 1 ms links, exact clocks, a disk that only loses unflushed writes on a crash (and nothing crashes).</summary>
    public static SimulationOptions NoFaults { get; } = new();

    /// <summary>How every network link behaves, unless <see cref="SimNetwork.ConfigureLink"/> overrides it. Default <see cref="LinkFaults.None"/>.</summary>
    public LinkFaults Network { get; init; } = LinkFaults.None;

    /// <summary>Random partitions. Default <see cref="PartitionFaults.None"/>.</summary>
    public PartitionFaults Partitions { get; init; } = PartitionFaults.None;

    /// <summary>Random crashes, restarts and pauses. Default <see cref="NodeFaults.None"/>.</summary>
    public NodeFaults Nodes { get; init; } = NodeFaults.None;

    /// <summary>Clock skew, drift and jumps. Default <see cref="ClockFaults.None"/>.</summary>
    public ClockFaults Clocks { get; init; } = ClockFaults.None;

    /// <summary>Disk faults. Default <see cref="DiskFaults.None"/>.</summary>
    public DiskFaults Disk { get; init; } = DiskFaults.None;

    /// <summary>Whether and how often <see cref="Buggify"/> sites fire. Default <see cref="BuggifyOptions.Off"/>.</summary>
    public BuggifyOptions Buggify { get; init; } = BuggifyOptions.Off;

    /// <summary>
    /// How long a connection attempt waits for an answer before it fails with
    /// <see cref="System.Net.Sockets.SocketError.TimedOut"/>, and how long stream data may stay undeliverable (a
    /// partition, a crashed peer) before the connection resets. Default 5 s.
    /// </summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks every option and throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        OptionCheck.NotNull(Network, nameof(Network));
        Network.Validate(nameof(Network));
        OptionCheck.NotNull(Partitions, nameof(Partitions));
        Partitions.Validate(nameof(Partitions));
        OptionCheck.NotNull(Nodes, nameof(Nodes));
        Nodes.Validate(nameof(Nodes));
        OptionCheck.NotNull(Clocks, nameof(Clocks));
        Clocks.Validate(nameof(Clocks));
        OptionCheck.NotNull(Disk, nameof(Disk));
        Disk.Validate(nameof(Disk));
        OptionCheck.NotNull(Buggify, nameof(Buggify));
        Buggify.Validate(nameof(Buggify));
        OptionCheck.Positive(ConnectionTimeout, nameof(ConnectionTimeout));
    }
}
