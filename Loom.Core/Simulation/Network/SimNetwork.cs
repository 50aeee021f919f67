using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// The network of a <see cref="SimWorld"/>: how each directed link between two nodes behaves (latency, loss,
/// duplication, resets, clogs), and which partitions are in force. Nodes use it through their own interface,
/// <see cref="SimNode.Network"/>. Faults come from the world's seed and the options; the methods here let a test
/// inject them by hand too.
/// </summary>
public sealed class SimNetwork
{
    private readonly SimWorld _world;
    private readonly SimRandom _random;
    private readonly Dictionary<(string From, string To), LinkFaults> _links = new();
    private readonly Dictionary<(string From, string To), long> _clogs = new();
    private readonly List<SimPartition> _partitions = new();
    private readonly List<StreamPipe> _held = new();
    private int _partitionCount;
    private long _datagrams;

    internal SimNetwork(SimWorld world)
    {
        _world = world;
        _random = SeedStreams.For(world.Seed, "network");
    }

    /// <summary>The partitions in force now.</summary>
    public IReadOnlyList<SimPartition> Partitions => _partitions;

    internal SimWorld World => _world;

    internal SimRandom Random => _random;

    internal long Now => _world.Clock.Elapsed.Ticks;

    /// <summary>Sets how the link from <paramref name="from"/> to <paramref name="to"/> behaves (one direction).</summary>
    /// <param name="from">The sending node.</param>
    /// <param name="to">The receiving node.</param>
    /// <param name="faults">How the link behaves.</param>
    /// <exception cref="ArgumentException">A node does not exist, or a value of <paramref name="faults"/> is invalid.</exception>
    public void ConfigureLink(string from, string to, LinkFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        CheckNode(from, nameof(from));
        CheckNode(to, nameof(to));
        faults.Validate($"link {from} -> {to}");
        _links[(from, to)] = faults;
        _world.Faults.LinkRatesChanged();
    }

    /// <summary>How the link from <paramref name="from"/> to <paramref name="to"/> behaves.</summary>
    /// <param name="from">The sending node.</param>
    /// <param name="to">The receiving node.</param>
    /// <returns>The link's faults.</returns>
    /// <exception cref="ArgumentException">A node does not exist.</exception>
    public LinkFaults GetLink(string from, string to)
    {
        CheckNode(from, nameof(from));
        CheckNode(to, nameof(to));
        return FaultsOf(from, to);
    }

    /// <summary>Partitions the nodes of <paramref name="side"/> from those of <paramref name="otherSide"/>, both ways.</summary>
    /// <param name="side">One side's node names.</param>
    /// <param name="otherSide">The other side's node names.</param>
    /// <param name="duration">How long until it heals by itself, or <see langword="null"/> until <see cref="SimPartition.Heal"/>.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException">A side is empty, a node does not exist, or a node is on both sides.</exception>
    public SimPartition Partition(IEnumerable<string> side, IEnumerable<string> otherSide, TimeSpan? duration = null) =>
        Start(side, otherSide, symmetric: true, duration);

    /// <summary>
    /// Blocks messages from the nodes of <paramref name="from"/> to those of <paramref name="to"/>, but not the other
    /// way: an asymmetric partition (a node that can send but not hear, or hear but not send).
    /// </summary>
    /// <param name="from">The nodes whose messages are blocked.</param>
    /// <param name="to">The nodes that no longer hear them.</param>
    /// <param name="duration">How long until it heals by itself, or <see langword="null"/> until <see cref="SimPartition.Heal"/>.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException">A side is empty, a node does not exist, or a node is on both sides.</exception>
    public SimPartition PartitionOneWay(IEnumerable<string> from, IEnumerable<string> to, TimeSpan? duration = null) =>
        Start(from, to, symmetric: false, duration);

    /// <summary>Heals every partition in force.</summary>
    public void HealAll()
    {
        foreach (var partition in _partitions.ToList())
            Heal(partition);
    }

    /// <summary>Clogs the link from <paramref name="from"/> to <paramref name="to"/> for <paramref name="duration"/>: it delivers nothing until then, and then everything it held.</summary>
    /// <param name="from">The sending node.</param>
    /// <param name="to">The receiving node.</param>
    /// <param name="duration">How long the clog lasts.</param>
    /// <exception cref="ArgumentException">A node does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public void Clog(string from, string to, TimeSpan duration)
    {
        CheckNode(from, nameof(from));
        CheckNode(to, nameof(to));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        _world.RunningThread(nameof(Clog));
        StartClog(from, to, duration);
    }

    /// <summary>Whether a partition now blocks messages from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The sending node.</param>
    /// <param name="to">The receiving node.</param>
    /// <returns><see langword="true"/> if blocked.</returns>
    public bool IsBlocked(string from, string to)
    {
        foreach (var partition in _partitions)
        {
            if (partition.Blocks(from, to))
                return true;
        }
        return false;
    }

    /// <summary>Whether the link from <paramref name="from"/> to <paramref name="to"/> is clogged now.</summary>
    /// <param name="from">The sending node.</param>
    /// <param name="to">The receiving node.</param>
    /// <returns><see langword="true"/> if clogged.</returns>
    public bool IsClogged(string from, string to) => ClogEnd(from, to) > Now;

    internal LinkFaults FaultsOf(string from, string to) => _links.TryGetValue((from, to), out var faults) ? faults : _world.Options.Network;

    internal long ClogEnd(string from, string to) => _clogs.TryGetValue((from, to), out var end) ? end : 0;

    /// <summary>The directed links between existing nodes that clog at some rate.</summary>
    internal List<(string From, string To, LinkFaults Faults)> LinksWithClogs()
    {
        var links = new List<(string, string, LinkFaults)>();
        foreach (var a in _world.Nodes)
        {
            foreach (var b in _world.Nodes)
            {
                if (a != b && FaultsOf(a.Name, b.Name) is { ClogRate: > 0 } faults)
                    links.Add((a.Name, b.Name, faults));
            }
        }
        return links;
    }

    internal void StartClog(string from, string to, TimeSpan duration)
    {
        var end = Now + duration.Ticks;
        if (end <= ClogEnd(from, to))
            return;
        _clogs[(from, to)] = end;
        _world.Record(SimEventKind.Clog, $"{from} -> {to}", $"clogged for {TimeDistribution.Format(duration)}: nothing gets through until {TimeSpan.FromTicks(end):hh\\:mm\\:ss\\.fff}");
    }

    internal SimPartition StartPartition(IReadOnlyList<string> side, IReadOnlyList<string> otherSide, bool symmetric, TimeSpan? duration)
    {
        var partition = new SimPartition(this, ++_partitionCount, side, otherSide, symmetric, _world.Clock.Elapsed);
        _partitions.Add(partition);
        var until = duration is { } d ? $", heals at {_world.Clock.Elapsed + d:hh\\:mm\\:ss\\.fff}" : ", until healed";
        _world.Record(SimEventKind.Partition, $"partition {partition.Number}", $"{partition.Description} starts{until}");
        if (duration is { } after)
            _world.Clock.Schedule(after, () => Heal(partition), $"partition {partition.Number} heals");
        return partition;
    }

    internal void Heal(SimPartition partition)
    {
        if (!partition.IsActive)
            return;
        partition.IsActive = false;
        _partitions.Remove(partition);
        var lost = partition.DatagramsLost == 0 ? "" : $"; {partition.DatagramsLost} datagram{(partition.DatagramsLost == 1 ? "" : "s")} lost to it";
        _world.Record(SimEventKind.Partition, $"partition {partition.Number}", $"healed after {TimeDistribution.Format(_world.Clock.Elapsed - partition.Started)}{lost}");
        // Stream data held by a partition flows again, after a retransmission's latency.
        foreach (var pipe in _held.ToList())
        {
            if (!IsBlocked(pipe.From, pipe.To))
            {
                _held.Remove(pipe);
                pipe.ScheduleDrain(FaultsOf(pipe.From, pipe.To).Latency.Sample(_random));
            }
        }
    }

    internal void Hold(StreamPipe pipe)
    {
        if (!_held.Contains(pipe))
            _held.Add(pipe);
    }

    internal void Release(StreamPipe pipe) => _held.Remove(pipe);

    /// <summary>Sends a datagram: lost, duplicated or delayed as the link's faults and partitions decide.</summary>
    internal void SendDatagram(SimNode from, int fromPort, string to, int toPort, byte[] data)
    {
        var target = _world.FindNode(to) ?? throw _world.UnknownNode(to, "node");
        var id = ++_datagrams;
        var what = $"datagram {id} {from.Name}:{fromPort} -> {to}:{toPort} ({data.Length} bytes)";
        if (Blocking(from.Name, to) is { } partition)
        {
            partition.DatagramsLost++;
            return;
        }
        var faults = FaultsOf(from.Name, to);
        if (faults.DropProbability > 0 && _random.NextDouble() < faults.DropProbability)
        {
            _world.Record(SimEventKind.Network, $"{from.Name} -> {to}", $"{what} lost");
            return;
        }
        var copies = 1;
        if (faults.DuplicateProbability > 0 && _random.NextDouble() < faults.DuplicateProbability)
        {
            copies = 2;
            _world.Record(SimEventKind.Network, $"{from.Name} -> {to}", $"{what} duplicated");
        }
        for (var i = 0; i < copies; i++)
        {
            var datagram = new SimDatagram(from.Name, fromPort, i == 0 ? data : (byte[])data.Clone());
            var due = Math.Max(Now + faults.Latency.Sample(_random).Ticks, ClogEnd(from.Name, to));
            ScheduleDatagram(target, toPort, datagram, due);
        }
    }

    private void ScheduleDatagram(SimNode target, int port, SimDatagram datagram, long due) =>
        _world.Clock.Schedule(
            TimeSpan.FromTicks(due - Now),
            () => DeliverDatagram(target, port, datagram),
            $"deliver datagram {datagram.From} -> {target.Name}",
            () => target.Life);

    private void DeliverDatagram(SimNode target, int port, SimDatagram datagram)
    {
        // A partition that started while the datagram was in flight swallows it; a clog holds it.
        if (Blocking(datagram.From, target.Name) is { } partition)
        {
            partition.DatagramsLost++;
            return;
        }
        var clog = ClogEnd(datagram.From, target.Name);
        if (clog > Now)
        {
            ScheduleDatagram(target, port, datagram, clog);
            return;
        }
        target.Network.Deliver(port, datagram);
    }

    internal SimPartition? Blocking(string from, string to)
    {
        foreach (var partition in _partitions)
        {
            if (partition.Blocks(from, to))
                return partition;
        }
        return null;
    }

    private SimPartition Start(IEnumerable<string> side, IEnumerable<string> otherSide, bool symmetric, TimeSpan? duration)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(otherSide);
        var a = SimPartition.Sorted(side);
        var b = SimPartition.Sorted(otherSide);
        if (a.Count == 0 || b.Count == 0)
            throw new ArgumentException("Each side of a partition needs at least one node.", a.Count == 0 ? nameof(side) : nameof(otherSide));
        foreach (var name in a.Concat(b))
            CheckNode(name, nameof(side));
        if (a.Intersect(b).FirstOrDefault() is { } both)
            throw new ArgumentException($"Node '{both}' is on both sides of the partition.", nameof(otherSide));
        if (duration is { } d && d <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), d, "A partition's duration must be positive (or null for until healed).");
        _world.RunningThread(symmetric ? nameof(Partition) : nameof(PartitionOneWay));
        return StartPartition(a, b, symmetric, duration);
    }

    private void CheckNode(string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (_world.FindNode(name) is null)
            throw _world.UnknownNode(name, parameter);
    }
}
