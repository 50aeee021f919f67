namespace Loom.Simulation;

/// <summary>What kind of thing happened in a simulated world, for its fault plan.</summary>
public enum SimEventKind
{
    /// <summary>A node started, crashed, restarted, paused, resumed or stopped.</summary>
    Node,

    /// <summary>A partition started or healed.</summary>
    Partition,

    /// <summary>A link clogged or cleared.</summary>
    Clog,

    /// <summary>A datagram was lost or duplicated, or a connection reset, by an injected fault.</summary>
    Network,

    /// <summary>An unflushed write was lost, kept or torn by a crash; a read was corrupted; an IO error or a full disk.</summary>
    Disk,

    /// <summary>A node's wall clock jumped.</summary>
    Clock,

    /// <summary>A <see cref="Buggify"/> site fired.</summary>
    Buggify,

    /// <summary>A note the model added with <see cref="SimWorld.Note"/>.</summary>
    Model,
}
