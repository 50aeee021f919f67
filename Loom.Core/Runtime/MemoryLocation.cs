using System.Collections.Generic;

namespace Loom.Runtime;

/// <summary>
/// A memory location the model reaches by reference (a field passed to Interlocked or Volatile, or a tracked
/// field), named by the expression the code passed, for traces. Under the .NET memory model it keeps its stores
/// in modification order, so a load can be given any store that coherence and happens-before allow.
/// </summary>
internal sealed class MemoryLocation : ModelObject
{
    public MemoryLocation(Execution execution, string kind, string? name)
        : base(execution, kind)
    {
        Name = string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>The expression that named the location at its first use, if the compiler provided it.</summary>
    public string? Name { get; }

    /// <summary>
    /// Stores still visible to some thread, oldest first; <see cref="Dropped"/> older ones have been forgotten
    /// because every thread has seen something newer. Empty until the first access records the initial value.
    /// </summary>
    public List<Store> Stores { get; } = new();

    /// <summary>How many stores were dropped from the front of <see cref="Stores"/>.</summary>
    public int Dropped { get; set; }

    /// <summary>
    /// Per thread, the index (in modification order, counting dropped stores) of the newest store it has read or
    /// written: coherence forbids it to read anything older afterwards.
    /// </summary>
    public Dictionary<int, int> SeenByThread { get; } = new();

    /// <summary>Data-race bookkeeping for tracked fields; <see langword="null"/> for locations that may race by design.</summary>
    public RaceState? Races { get; set; }

    /// <summary>The field or element of rewritten code this location is, when it is one; it is then named by object and field, not by address.</summary>
    public Sharing.SharedLocation? Shared { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? base.ToString() : $"{Name} ({Kind}#{Id})";
}
