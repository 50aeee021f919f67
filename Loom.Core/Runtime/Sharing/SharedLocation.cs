namespace Loom.Runtime.Sharing;

/// <summary>
/// One field of one object (or a static field, an array element, the contents of an opaque collection) that
/// rewritten code accessed in this execution: its accesses for race detection and, once it needs one, its store
/// history in the memory model.
/// </summary>
internal sealed class SharedLocation
{
    public SharedLocation(string name, int hash, bool racing, string kind)
    {
        Name = name;
        Kind = kind;
        Hash = hash;
        Racing = racing;
    }

    /// <summary>The location's name for traces and reports: <c>Type.field</c>, <c>int[] element</c>.</summary>
    public string Name { get; }

    /// <summary>What it is, for traces: <c>field</c>, <c>element</c> or <c>contents</c>.</summary>
    public string Kind { get; }

    /// <summary>The hash of <see cref="Name"/> that the racing set and schedule ids use.</summary>
    public int Hash { get; }

    /// <summary>Whether an earlier execution found this location racing: its accesses are scheduling points.</summary>
    public bool Racing { get; }

    /// <summary>Whether it was accessed as volatile (acquire and release), so its races are intended, not data races.</summary>
    public bool Volatile { get; set; }

    /// <summary>How many stores rewritten code made to it in this execution: a spinning reader waits for this to change.</summary>
    public int Writes { get; set; }

    /// <summary>Whether this execution already reported a race on it.</summary>
    public bool RaceNoted { get; set; }

    /// <summary>The last write and the reads since, for race detection.</summary>
    public RaceState Races { get; } = new();

    /// <summary>
    /// The location's store history, once it is racing, volatile, or reached by reference (Interlocked, Volatile):
    /// until then a load always reads real memory and nothing needs remembering.
    /// </summary>
    public MemoryLocation? Model { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
