namespace Loom;

/// <summary>The memory model Loom's loads follow.</summary>
public enum LoomMemoryModel
{
    /// <summary>
    /// The .NET memory model: plain accesses are unordered, volatile loads acquire and volatile stores release,
    /// Interlocked operations and fences are full fences. A load may return any store coherence and happens-before
    /// allow, and each choice is explored.
    /// </summary>
    DotNet,

    /// <summary>Sequential consistency: every load returns the newest store. Faster, but misses reordering bugs.</summary>
    SequentialConsistency,
}
