namespace Loom.Runtime;

/// <summary>The ordering a memory access carries under the .NET memory model.</summary>
internal enum MemoryOrder
{
    /// <summary>A plain access: unordered with other threads; a load may see any store coherence allows.</summary>
    Plain,

    /// <summary>A volatile load: later accesses of the thread stay after it; reading a release store synchronizes with it.</summary>
    Acquire,

    /// <summary>A volatile store: earlier accesses of the thread stay before it.</summary>
    Release,

    /// <summary>An Interlocked operation or a full fence: totally ordered with every other such operation.</summary>
    SequentiallyConsistent,
}
